package io.landscape.impl;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering of the api and core modules, checked on their compiled classes (tests excluded): each room depends
 * only on the rooms below it.
 * <pre>
 *   api  ←  linalg  ←  kernel/compile  ←  objective  ←  optim  ←  certify/basin  ←  provider (the api's facade)
 * </pre>
 * The command-line module's rules (experiments never choose evaluators) are in {@code io.landscape.impl.cli}'s
 * {@code ArchitectureTest}, the benchmarks' (no experiment code) in {@code io.landscape.jmh}'s.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.landscape.api", "io.landscape.impl");
    }

    @Test
    void apiImportsNothingOfImpl() {
        noClasses().that().resideInAPackage("io.landscape.api..")
                .should().dependOnClassesThat().resideInAPackage("io.landscape.impl..")
                .check(classes);
    }

    @Test
    void linalgImportsNothingOfTheProject() {
        noClasses().that().resideInAPackage("io.landscape.impl.linalg..")
                .should().dependOnClassesThat(resideInAPackage("io.landscape..")
                        .and(not(resideInAPackage("io.landscape.impl.linalg.."))))
                .check(classes);
    }

    @Test
    void objectiveImportsNothingAboveIt() {
        noClasses().that().resideInAPackage("io.landscape.impl.objective..")
                .should().dependOnClassesThat(resideInAnyPackage("io.landscape.impl.optim..",
                        "io.landscape.impl.certify..", "io.landscape.impl.provider..", "io.landscape.impl.basin..",
                        "io.landscape.impl.experiment..", "io.landscape.impl.cli.."))
                .check(classes);
    }

    @Test
    void optimImportsNothingAboveIt() {
        noClasses().that().resideInAPackage("io.landscape.impl.optim..")
                .should().dependOnClassesThat(resideInAnyPackage("io.landscape.impl.certify..",
                        "io.landscape.impl.provider..", "io.landscape.impl.experiment..", "io.landscape.impl.cli.."))
                .check(classes);
    }

    @Test
    void coreImportsNothingOfTheCommandLineModule() {
        noClasses().that().resideInAPackage("io.landscape..")
                .should().dependOnClassesThat(resideInAnyPackage("io.landscape.impl.experiment..",
                        "io.landscape.impl.cli.."))
                .check(classes);
    }

    @Test
    void theRulesSeeRealDependencies() {
        // negative control: the provider does use the objective room and the certifier, so these rules must fail
        org.junit.jupiter.api.Assertions.assertTrue(noClasses().that().resideInAPackage("io.landscape.impl.provider..")
                .should().dependOnClassesThat().resideInAPackage("io.landscape.impl.objective..")
                .evaluate(classes).hasViolation());
        org.junit.jupiter.api.Assertions.assertTrue(noClasses().that().resideInAPackage("io.landscape.impl.certify..")
                .should().dependOnClassesThat().resideInAPackage("io.landscape.impl.linalg..")
                .evaluate(classes).hasViolation());
    }

    @Test
    void onlyTheProviderUsesTheProvider() {
        noClasses().that().resideOutsideOfPackage("io.landscape.impl.provider..")
                .should().dependOnClassesThat().resideInAPackage("io.landscape.impl.provider..")
                .check(classes);
    }
}
