package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.deployment.ServicePlaces.Gap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Spring Boot application of the repository is named in every place docs/adding-a-service.md
 * lists: a new service left out of one would build and pass its own tests, and then be missing from
 * the devstack, a compose file, the gateway's routes, Prometheus or the database's accounts.
 */
class AddingAServiceTest {

  private static final ServicePlaces REPOSITORY = new ServicePlaces(RepositoryFiles.ROOT);

  @Test
  void findsTheGatewayAndTheFiveServices() {
    assertThat(REPOSITORY.applications().keySet())
        .containsExactlyInAnyOrder(
            "gateway",
            "auth-service",
            "profile-service",
            "subscription-service",
            "audit-service",
            "realtime-service");
    // both kinds are checked: with a database account and without
    assertThat(REPOSITORY.account("audit-service")).contains("moveacces_audit");
    assertThat(REPOSITORY.account("realtime-service")).isEmpty();
    assertThat(REPOSITORY.migrationAccount("audit-service")).contains("moveacces_audit_migrator");
    assertThat(REPOSITORY.migrationAccount("auth-service")).isEmpty();
  }

  @Test
  void namesEveryApplicationInEveryPlace() {
    assertThat(REPOSITORY.gaps()).isEmpty();
  }

  /** One place at a time, each with the edit that takes one application out of it. */
  static Stream<Arguments> placesLeftOut() {
    return Stream.of(
        leftOut(
            ServicePlaces.ROOT_POM, "<module>realtime-service</module>", "", "realtime-service"),
        leftOut(
            ServicePlaces.ROOT_POM,
            "<exclude>ch.moveacces:realtime-service</exclude>",
            "",
            "realtime-service"),
        leftOut(
            ServicePlaces.ARCHITECTURE_RULES,
            "\"ch.moveacces.realtime\"",
            "\"ch.moveacces.realtime.x\"",
            "realtime-service"),
        leftOut(
            ServicePlaces.MAKEFILE,
            "DEVSTACK_JAVA_OPTS_REALTIME_SERVICE=",
            "DEVSTACK_JAVA_OPTS_REALTIME=",
            "realtime-service"),
        leftOut(
            ComposeFile.DEVELOPMENT,
            "SERVICE: realtime-service",
            "SERVICE: realtime",
            "realtime-service"),
        leftOut(
            ComposeFile.PRODUCTION,
            "\n  realtime-service:\n",
            "\n  realtime:\n",
            "realtime-service"),
        leftOut(
            ServicePlaces.PROMETHEUS,
            "- realtime-service:8085",
            "- realtime:8085",
            "realtime-service"),
        leftOut(
            ServicePlaces.GATEWAY_ROUTES,
            "id: realtime-service",
            "id: realtime",
            "realtime-service"),
        leftOut(
            ServicePlaces.DEVSTACK_APPLICATIONS,
            "\"realtime-service\"",
            "\"realtime\"",
            "realtime-service"),
        leftOut(
            ServicePlaces.DEVSTACK_POM,
            "<artifactId>realtime-service</artifactId>",
            "<artifactId>realtime</artifactId>",
            "realtime-service"),
        leftOut(ServicePlaces.SERVICE_ACCOUNT, "\"audit-service\"", "\"audit\"", "audit-service"),
        leftOut(
            ServicePlaces.ACCOUNTS_SQL,
            "CREATE USER IF NOT EXISTS 'moveacces_audit'",
            "CREATE USER IF NOT EXISTS 'moveacces_audits'",
            "audit-service"),
        leftOut(
            ServicePlaces.DATABASE_SETUP,
            " AUDIT_DB_PASSWORD AUDIT_MIGRATOR_DB_PASSWORD;",
            " AUDIT_MIGRATOR_DB_PASSWORD;",
            "audit-service"),
        leftOut(
            ComposeFile.DEVELOPMENT,
            "AUDIT_DB_PASSWORD: ${AUDIT_DB_PASSWORD",
            "AUDIT_PASSWORD: ${AUDIT_DB_PASSWORD",
            "audit-service"),
        leftOut(
            ServicePlaces.MAKEFILE,
            "subscription-service audit-service\n",
            "subscription-service\n",
            "audit-service"),
        leftOut(ServicePlaces.MAKEFILE, " -e AUDIT_DB_PASSWORD", "", "audit-service"),
        // audit-service's migration account, made in the same places as its own
        leftOut(ServicePlaces.SERVICE_ACCOUNT, "\"audit_migrator\"", "\"audit\"", "audit-service"),
        leftOut(
            ServicePlaces.ACCOUNTS_SQL,
            "CREATE USER IF NOT EXISTS 'moveacces_audit_migrator'",
            "CREATE USER IF NOT EXISTS 'moveacces_audit_migrators'",
            "audit-service"),
        leftOut(
            ServicePlaces.DATABASE_SETUP,
            " AUDIT_MIGRATOR_DB_PASSWORD; do",
            "; do",
            "audit-service"),
        leftOut(
            ComposeFile.DEVELOPMENT,
            "AUDIT_MIGRATOR_DB_PASSWORD: ${AUDIT_MIGRATOR_DB_PASSWORD",
            "AUDIT_MIGRATOR_PASSWORD: ${AUDIT_MIGRATOR_DB_PASSWORD",
            "audit-service"),
        leftOut(ServicePlaces.MAKEFILE, "-e AUDIT_MIGRATOR_DB_PASSWORD", "", "audit-service"));
  }

  @ParameterizedTest(name = "{0} without {3}")
  @MethodSource("placesLeftOut")
  void reportsTheOnePlaceAnApplicationIsLeftOutOf(
      String file, String named, String unnamed, String application, @TempDir Path copy)
      throws IOException {
    for (Path original : REPOSITORY.filesRead()) {
      Path target = copy.resolve(RepositoryFiles.ROOT.relativize(original));
      Files.createDirectories(target.getParent());
      Files.copy(original, target);
    }
    Path edited = copy.resolve(file);
    String text = Files.readString(edited);
    assertThat(text).as("the fixture's edit must still match %s", file).contains(named);
    Files.writeString(edited, text.replace(named, unnamed));

    assertThat(new ServicePlaces(copy).gaps())
        .singleElement()
        .returns(application, Gap::application)
        .returns(file, Gap::file);
  }

  private static Arguments leftOut(String file, String named, String unnamed, String application) {
    return Arguments.of(file, named, unnamed, application);
  }
}
