package io.scatter.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.scatter.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreDependsOnTheJdkOnlyTest {

    @ArchTest
    static final ArchRule coreUsesNothingButTheJdkAndItself = classes()
            .that().resideInAPackage("io.scatter.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.scatter.core..")
            .because("core is shared by every module and must depend on the JDK only");

    @ArchTest
    static final ArchRule coreNeverPrintsToTheConsole = noClasses()
            .that().resideInAPackage("io.scatter.core..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
