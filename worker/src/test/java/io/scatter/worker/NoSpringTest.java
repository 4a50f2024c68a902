package io.scatter.worker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class NoSpringTest {

    @Test
    void noWorkerClassDependsOnSpring() {
        JavaClasses worker = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scatter.worker");

        assertThat(worker).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(worker);
    }

    @Test
    void theWorkerClassPathHasNoSpringJar() {
        assertThat(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)))
                .noneMatch(entry -> entry.contains("springframework"));
    }
}
