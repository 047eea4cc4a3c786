package io.landscape.jmh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The benchmarks measure the library, not the experiments: no class of theirs uses experiment or command code. */
class ArchitectureTest {
    @Test
    void benchmarksImportNoExperimentCode() {
        noClasses().that().resideInAPackage("io.landscape.jmh..")
                .should().dependOnClassesThat().resideInAnyPackage("io.landscape.impl.experiment..",
                        "io.landscape.impl.cli..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.landscape.jmh"));
    }
}
