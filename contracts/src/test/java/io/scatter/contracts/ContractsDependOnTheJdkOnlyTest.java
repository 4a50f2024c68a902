package io.scatter.contracts;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ContractsDependOnTheJdkOnlyTest {

    @Test
    void contractClassesUseNothingButTheJdkAndEachOther() {
        ArchRule rule = classes().that().resideInAPackage("io.scatter.contracts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.scatter.contracts..");
        rule.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.scatter.contracts"));
    }
}
