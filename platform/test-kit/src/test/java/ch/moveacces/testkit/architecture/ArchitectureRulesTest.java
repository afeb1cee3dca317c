package ch.moveacces.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.testkit.architecture.fixture.endpoints.PublicController;
import ch.moveacces.testkit.architecture.fixture.endpoints.PublicRoutes;
import ch.moveacces.testkit.architecture.fixture.unittests.UnitTestFixtures;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule passes on classes that keep it, reports each class that breaks it, and fails when it
 * matches nothing.
 */
class ArchitectureRulesTest {

  private static final String FIXTURE = "ch.moveacces.testkit.architecture.fixture";
  private static final String ALPHA = FIXTURE + ".services.alpha";
  private static final String BETA = FIXTURE + ".services.beta";

  /** Classes none of the rules is about. */
  private static final JavaClasses NOTHING_TO_CHECK = importClasses(FeaturePackages.class);

  @Test
  void packagePrivateEndpointsPass() {
    JavaClasses hidden =
        importClasses(
            nested("endpoints.HiddenEndpoints$Controller"),
            nested("endpoints.HiddenEndpoints$Routes"));

    ArchitectureRules.endpointsArePackagePrivate().check(hidden);
  }

  @Test
  void publicControllersRoutesAndHandlersAreReported() {
    JavaClasses exposed = importClasses(PublicController.class, PublicRoutes.class);

    String report = violations(ArchitectureRules.endpointsArePackagePrivate(), exposed);

    assertThat(report)
        .contains("Class <" + PublicController.class.getName() + "> has modifier PUBLIC")
        .contains("Method <" + PublicController.class.getName() + ".exposed()> has modifier PUBLIC")
        .contains("Class <" + PublicRoutes.class.getName() + "> has modifier PUBLIC")
        .contains(
            "Method <" + PublicRoutes.class.getName() + ".exposedRoute()> has modifier PUBLIC");
  }

  @Test
  void aServiceUsingNoOtherPasses() {
    ArchitectureRules.noDependencyOnOtherServices(BETA, List.of(ALPHA, BETA))
        .check(servicesFixture());
  }

  @Test
  void aServiceUsingAnotherIsReported() {
    String report =
        violations(
            ArchitectureRules.noDependencyOnOtherServices(ALPHA, List.of(ALPHA, BETA)),
            servicesFixture());

    assertThat(report).contains(ALPHA + ".Alpha").contains(BETA + ".Beta");
  }

  @Test
  void featuresUsingEachOtherOneWayPass() {
    String root = FIXTURE + ".layered";

    ArchitectureRules.featurePackagesFreeOfCycles(root).check(importPackages(root));
  }

  @Test
  void aCycleBetweenFeaturesIsReported() {
    String root = FIXTURE + ".cycles";

    String report =
        violations(ArchitectureRules.featurePackagesFreeOfCycles(root), importPackages(root));

    assertThat(report)
        .contains("Cycle detected")
        .contains(root + ".first")
        .contains(root + ".second");
  }

  @Test
  void aUnitTestStartingNothingPasses() {
    ArchitectureRules.unitTestsStartNoEngines()
        .check(importClasses(UnitTestFixtures.PlainTest.class));
  }

  @Test
  void unitTestsStartingEnginesAreReported() {
    List<Class<?>> startingEngines =
        List.of(
            UnitTestFixtures.StartsRedisTest.class,
            UnitTestFixtures.AnnotatedWithKafkaTest.class,
            UnitTestFixtures.BootsAnApplicationTest.class,
            UnitTestFixtures.ThroughItsOwnAnnotationTest.class);

    for (Class<?> test : startingEngines) {
      String report =
          violations(
              ArchitectureRules.unitTestsStartNoEngines(),
              importClasses(
                  UnitTestFixtures.PlainTest.class, UnitTestFixtures.OnTheDatabase.class, test));

      assertThat(report).as(test.getSimpleName()).contains(test.getName());
      assertThat(report)
          .as(test.getSimpleName())
          .doesNotContain(UnitTestFixtures.PlainTest.class.getName());
    }
  }

  @Test
  void everyRuleFailsWhenItMatchesNothing() {
    List<ArchRule> rules =
        List.of(
            ArchitectureRules.endpointsArePackagePrivate(),
            ArchitectureRules.noDependencyOnOtherServices(ALPHA, List.of(ALPHA, BETA)),
            ArchitectureRules.featurePackagesFreeOfCycles(FIXTURE + ".cycles"),
            ArchitectureRules.unitTestsStartNoEngines());

    for (ArchRule rule : rules) {
      assertThatThrownBy(() -> rule.check(NOTHING_TO_CHECK))
          .as(rule.getDescription())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("failed to check any classes");
    }
  }

  @Test
  void onlyTheServicesPackagesAreChecked() {
    assertThatThrownBy(() -> ArchitectureRules.check("ch.moveacces.nosuchservice"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JavaClasses servicesFixture() {
    return importPackages(ALPHA, BETA);
  }

  /** Imported as the rules expect, without looking up what the classes use. */
  private static JavaClasses importClasses(Class<?>... classes) {
    return ArchitectureRules.importing(() -> new ClassFileImporter().importClasses(classes));
  }

  private static JavaClasses importPackages(String... packages) {
    return ArchitectureRules.importing(() -> new ClassFileImporter().importPackages(packages));
  }

  /** The rule's report on these classes, which must break it. */
  private static String violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as("%s is broken", rule.getDescription()).isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }

  private static Class<?> nested(String name) {
    try {
      return Class.forName(FIXTURE + "." + name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
