package io.scatter.engine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "io.scatter.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineDependenciesTest {

    @ArchTest
    static final ArchRule engineUsesNothingButTheJdkCoreAndContracts = classes()
            .that().resideInAPackage("io.scatter.engine..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.scatter.core..", "io.scatter.contracts..", "io.scatter.engine..")
            .because("the engine runs embedded in the CLI and under every adapter, so it brings no library along");

    @ArchTest
    static final ArchRule portsKnowNoAdapter = noClasses()
            .that().resideInAnyPackage("io.scatter.engine.transport..", "io.scatter.engine.store..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.scatter.engine.memory..", "io.scatter.engine.local..");

    @ArchTest
    static final ArchRule enginePackagesAreFreeOfCycles = slices().matching("io.scatter.engine.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule engineNeverPrintsToTheConsole = noClasses()
            .that().resideInAPackage("io.scatter.engine..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
