package io.scatter.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class NoSpringTest {

    @Test
    void noCliClassDependsOnSpringOrOnTheMessagingLayer() {
        JavaClasses cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scatter.cli");

        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.scatter.messaging..", "com.rabbitmq..")
                .check(cli);
    }
}
