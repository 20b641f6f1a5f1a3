package io.picaco;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the architecture and of the simulator (H1, H2 in docs/simulator.md), checked on the compiled
 * main classes.
 * Each rule names the architectural promise it keeps, so a failure reads as the promise that was broken.
 */
@AnalyzeClasses(packages = "io.picaco", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The objective, pools and selection are plain Java: unit-testable by hand-computed numbers, no framework. */
    @ArchTest
    static final ArchRule coreImportsNoFramework = classes().that().resideInAPackage("io.picaco.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.picaco.core..", "java..")
            .because("core is the method itself and imports no framework (pure core)");

    /**
     * Step functions are stateless (JSON in, JSON out) so they can run as serverless functions: nothing they use,
     * directly or through the classes they call, may reach the state store.
     */
    @ArchTest
    static final ArchRule stepsNeverTouchTheStore = noClasses().that().resideInAPackage("io.picaco.steps..")
            .should().transitivelyDependOnClassesThat().resideInAnyPackage("io.picaco.store..",
                    "jakarta.persistence..", "io.quarkus.hibernate..", "org.hibernate..", "io.quarkus.narayana..",
                    "jakarta.transaction..")
            .because("step functions keep no state; the conductor owns all of it");

    /** A write of a run's phase (the field {@code Run.phase}). */
    static final DescribedPredicate<JavaFieldAccess> RUN_PHASE = new DescribedPredicate<>("a write of Run.phase") {
        @Override
        public boolean test(JavaFieldAccess access) {
            return access.getTarget().getName().equals("phase")
                    && access.getTarget().getOwner().isEquivalentTo(io.picaco.store.Run.class);
        }
    };

    /**
     * Which phase follows which is written in one place: only the transition table moves a run (the run service
     * only creates it, QUEUED).
     */
    @ArchTest
    static final ArchRule onlyTheTransitionTableMovesARun = noClasses()
            .that().doNotHaveFullyQualifiedName("io.picaco.conductor.Transitions")
            .and().doNotHaveFullyQualifiedName("io.picaco.api.RunService")
            .should().setFieldWhere(RUN_PHASE)
            .because("the conductor's phases say their work is complete and Transitions moves the run on");

    /** The step records: {@code *Input} / {@code *Output} and the records nested in them (their JSON contract). */
    static final DescribedPredicate<JavaClass> STEP_CONTRACT = new DescribedPredicate<>(
            "the step functions' input/output records") {
        @Override
        public boolean test(JavaClass c) {
            String topLevel = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$'))
                    : c.getName();
            return topLevel.endsWith("Input") || topLevel.endsWith("Output");
        }
    };

    /**
     * Pages and API speak to steps only through their JSON contract, never through the step services, their
     * endpoint resolution or their rule classes, so a step can move behind HTTP without touching them. (The value
     * rules they share are Bean Validation constraints on {@code ValueInput}, part of the contract.)
     */
    @ArchTest
    static final ArchRule pagesAndApiUseOnlyTheStepContract = classes()
            .that().resideInAnyPackage("io.picaco.web..", "io.picaco.api..")
            .should(onlyHaveDependenciesWhere(dependencyTarget(
                    DescribedPredicate.not(resideInAPackage("io.picaco.steps..")).or(STEP_CONTRACT))))
            .because("the step functions' public contract is their input/output records");

    /** H2: nothing outside the simulator refers to it (only its default URL, a string, and the "simulated" label). */
    @ArchTest
    static final ArchRule nothingDependsOnTheSimulator = noClasses().that().resideOutsideOfPackage("io.picaco.sim..")
            .should().dependOnClassesThat().resideInAPackage("io.picaco.sim..")
            .because("simulator rule H2: the app knows the simulator only as an OpenAI-compatible URL");

    /**
     * H1: a simulated model knows of the values only what its prompt says, so the simulator uses nothing of the
     * app (no compositions, tensions, query sets, seed instruction, prompts). The one name it may use is the
     * {@code auth.Redacted} marker on its HTTP resource, which keeps request bodies out of the logs.
     */
    @ArchTest
    static final ArchRule simulatorUsesNothingOfTheApp = classes().that().resideInAPackage("io.picaco.sim..")
            .should(onlyHaveDependenciesWhere(dependencyTarget(resideInAPackage("io.picaco.sim..")
                    .or(resideOutsideOfPackage("io.picaco.."))
                    .or(DescribedPredicate.describe("auth.Redacted",
                            (JavaClass c) -> c.getName().equals("io.picaco.auth.Redacted"))))))
            .because("simulator rule H1: the simulated models derive their answers only from the request");

    /** H1: each model uses only its own package, the shared language utilities, the JDK and Jackson. */
    @ArchTest
    static final ArchRule simulatedTargetIsABlackBox = model("target");

    @ArchTest
    static final ArchRule simulatedOptimizerIsABlackBox = model("optimizer");

    @ArchTest
    static final ArchRule simulatedRatersAreABlackBox = model("rater");

    /** The shared language utilities know no model. */
    @ArchTest
    static final ArchRule languageUtilitiesKnowNoModel = classes().that().resideInAPackage("io.picaco.sim.lang..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.picaco.sim.lang..", "java..",
                    "com.fasterxml.jackson..")
            .because("simulator rule H1: shared code is limited to language utilities");

    private static ArchRule model(String pkg) {
        return classes().that().resideInAPackage("io.picaco.sim." + pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.picaco.sim." + pkg + "..",
                        "io.picaco.sim.lang..", "java..", "com.fasterxml.jackson..")
                .because("simulator rule H1: target, optimizer and raters are black boxes to each other");
    }

}
