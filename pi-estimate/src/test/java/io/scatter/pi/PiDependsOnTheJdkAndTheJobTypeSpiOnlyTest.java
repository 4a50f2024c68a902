package io.scatter.pi;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.scatter.pi", importOptions = ImportOption.DoNotIncludeTests.class)
class PiDependsOnTheJdkAndTheJobTypeSpiOnlyTest {

    @ArchTest
    static final ArchRule piUsesNothingButTheJdkAndTheJobTypeSpi = classes()
            .that().resideInAPackage("io.scatter.pi..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.scatter.core.jobtype", "io.scatter.pi..")
            .because("a job type plugs into the job-type SPI and must not reach into the platform");

    @ArchTest
    static final ArchRule piNeverPrintsToTheConsole = noClasses()
            .that().resideInAPackage("io.scatter.pi..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
