package io.scatter.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NoSpringTest {

    @Test
    void no_cli_class_depends_on_spring_or_on_the_messaging_layer() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scatter.cli");

        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.scatter.messaging..", "com.rabbitmq..")
                .check(cli);
    }
}
