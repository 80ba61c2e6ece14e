package ai.smartai.backend.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The package rules of docs/architecture.md, checked so that they cannot drift again. */
class ArchitectureTest {

    static final JavaClasses BACKEND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("ai.smartai.backend");

    @Test
    void featuresHaveNoPackageCycles() {
        slices().matching("ai.smartai.backend.(*)..").should().beFreeOfCycles().check(BACKEND);
    }

    @Test
    void theLlmPackageHoldsOnlyProvidersAndKnowsNoFeature() {
        noClasses().that().resideInAPackage("..backend.llm..").should().dependOnClassesThat()
                .resideInAnyPackage("..backend.grading..", "..backend.ingest..", "..backend.analytics..",
                        "..backend.gradebook..", "..backend.task..", "..backend.student..", "..backend.problem..")
                .check(BACKEND);
    }

    @Test
    void infrastructureKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("..backend.db..", "..backend.config..", "..backend.net..",
                "..backend.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("..backend.grading..", "..backend.ingest..",
                        "..backend.task..", "..backend.student..", "..backend.problem..", "..backend.analytics..",
                        "..backend.gradebook..")
                .check(BACKEND);
    }

    @Test
    void resourcesAreNotUsedByOtherCode() {
        noClasses().that().haveSimpleNameNotEndingWith("Resource").should().dependOnClassesThat()
                .haveSimpleNameEndingWith("Resource").check(BACKEND);
    }
}
