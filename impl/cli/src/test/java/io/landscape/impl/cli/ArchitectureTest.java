package io.landscape.impl.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.landscape.impl.objective.BatchIdentityObjective;
import io.landscape.impl.objective.IdentityTeacherObjective;
import io.landscape.impl.objective.PairwiseObjective;
import io.landscape.impl.objective.VectorIdentityObjective;

/**
 * Experiments and commands never choose evaluators: they ask the selector ({@code objective.Evaluators}) or
 * {@code Landscape.objective}, and never name a concrete evaluator of the objective room (the core module's
 * {@code io.landscape.impl.ArchitectureTest} checks the layering below).
 */
class ArchitectureTest {
    @Test
    void experimentsAndCommandsNeverNameAConcreteEvaluator() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.landscape.impl.experiment", "io.landscape.impl.cli");
        noClasses().that().resideInAnyPackage("io.landscape.impl.experiment..", "io.landscape.impl.cli..")
                .should().dependOnClassesThat().belongToAnyOf(IdentityTeacherObjective.class,
                        VectorIdentityObjective.class, BatchIdentityObjective.class, PairwiseObjective.class)
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("IdentityTeacherBase")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("VectorSupport")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("VectorAsin")
                .check(classes);
    }
}
