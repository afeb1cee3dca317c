package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one Dockerfile every application's image is built from, with its module and ports as build
 * arguments, and the build sections of docker-compose.yml that pass them.
 */
class DockerfilesTest {

  static final String DOCKERFILE = "Dockerfile";

  static final List<String> MODULES =
      List.of(
          "gateway",
          "auth-service",
          "profile-service",
          "subscription-service",
          "audit-service",
          "realtime-service");

  private static final ComposeFile development = ComposeFile.load(ComposeFile.DEVELOPMENT);

  static Stream<String> modules() {
    return MODULES.stream();
  }

  @Test
  void composeBuildsEachApplicationFromItsOwnModule() {
    assertThat(development.applications())
        .containsOnly(
            MODULES.stream().map(module -> entry(module, module)).toArray(Map.Entry[]::new));
  }

  @ParameterizedTest
  @MethodSource("modules")
  void composeBuildsWithTheOneDockerfileAndTheApplicationsPorts(String module) {
    Map<String, Object> service = development.service(module);
    Map<String, Object> build = ComposeFile.asMap(service.get("build"));
    assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", DOCKERFILE);
    Map<String, String> args = ComposeFile.buildArgs(service);
    assertThat(args)
        .containsEntry("SERVICE", module)
        .containsEntry("PORT", ComposeFile.environment(service).get("SERVER_PORT"));
    List<?> healthcheck = (List<?>) ComposeFile.asMap(service.get("healthcheck")).get("test");
    assertThat(args.getOrDefault("MANAGEMENT_PORT", args.get("PORT")))
        .as("%s: the image's health check asks where compose's does", module)
        .isEqualTo(String.valueOf(healthcheck.getLast()));
    assertThat(declaredArgs())
        .as("%s passes only arguments the Dockerfile declares", module)
        .containsAll(args.keySet());
  }

  /** One Dockerfile: a module's own copy would drift from it unseen. */
  @Test
  void noModuleHasADockerfileOfItsOwn() {
    assertThat(RepositoryFiles.path(DOCKERFILE)).isRegularFile();
    for (String module : rootModules()) {
      assertThat(RepositoryFiles.path(module).resolve("Dockerfile"))
          .as("%s builds from the root Dockerfile", module)
          .doesNotExist();
    }
  }

  @Test
  void buildsOnlyTheModuleAndWhatItNeedsWithTheWrapperOnJdk25() {
    String build = stages().getFirst();
    assertThat(build).startsWith("FROM eclipse-temurin:25-jdk").contains("ARG SERVICE\n");
    assertThat(build)
        .contains("COPY ${SERVICE}/ ${SERVICE}/")
        .contains("${SERVICE:?")
        .contains("./mvnw -B -ntp -pl ${SERVICE} -am package")
        .contains("cp ${SERVICE}/target/${SERVICE}-*.jar /src/app.jar")
        .contains("--mount=type=cache,target=/root/.m2")
        .contains("java -Djarmode=tools -jar /src/app.jar extract --layers --launcher");
  }

  @Test
  void runsOnAJava25JreAsAUserWithoutPrivileges() {
    String runtime = stages().getLast();
    assertThat(runtime).startsWith("FROM eclipse-temurin:25-jre");
    List<String> users =
        runtime.lines().filter(line -> line.startsWith("USER ")).map(String::strip).toList();
    assertThat(users).as("runtime USER").isNotEmpty();
    assertThat(users.getLast()).isNotIn("USER root", "USER 0", "USER 0:0");
    assertThat(runtime)
        .contains("${PORT:?")
        .contains("EXPOSE ${PORT}")
        .contains("HEALTHCHECK ")
        .contains("/actuator/health/readiness")
        .contains("${1:-$HEALTHCHECK_PORT}")
        .contains("ENV HEALTHCHECK_PORT=${MANAGEMENT_PORT:-$PORT}")
        .contains("org.springframework.boot.loader.launch.JarLauncher")
        .contains("-XX:MaxRAMPercentage=75")
        .contains("--enable-native-access=ALL-UNNAMED");
    for (String layer :
        List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
      assertThat(runtime).contains("/layers/" + layer + "/");
    }
  }

  /** A build argument is seen in a stage only where that stage declares it again. */
  @Test
  void eachStageDeclaresTheArgumentsItReads() {
    for (String stage : stages()) {
      for (String arg : List.of("SERVICE", "PORT", "MANAGEMENT_PORT")) {
        if (stage.replace("ARG " + arg + "\n", "").matches("(?s).*\\$\\{" + arg + "[}:].*")) {
          assertThat(stage)
              .as("the stage %s reads %s", stage.lines().findFirst().orElseThrow(), arg)
              .contains("ARG " + arg + "\n");
        }
      }
    }
  }

  // The build stage copies the poms one directory deep (and under platform/): the reactor reads
  // all.
  @Test
  void everyModulePomIsWhereTheBuildStageCopiesPomsFrom() {
    assertThat(rootModules()).isNotEmpty().allMatch(module -> module.matches("(platform/)?[^/]+"));
    assertThat(dockerfile())
        .contains("COPY --parents mvnw .mvn pom.xml */pom.xml platform/*/pom.xml ./");
  }

  @Test
  void contextLeavesOutBuildOutputAndSecrets() {
    List<String> ignored =
        RepositoryFiles.read(".dockerignore").lines().map(String::strip).toList();
    assertThat(ignored).contains("**/target/", ".git/", ".env", ".devstack/");
  }

  private static List<String> rootModules() {
    Matcher modules =
        Pattern.compile("<module>([^<]+)</module>").matcher(RepositoryFiles.read("pom.xml"));
    List<String> found = new ArrayList<>();
    while (modules.find()) {
      found.add(modules.group(1));
    }
    return found;
  }

  private static List<String> declaredArgs() {
    return dockerfile()
        .lines()
        .filter(line -> line.startsWith("ARG "))
        .map(line -> line.substring(4).split("=", 2)[0].strip())
        .distinct()
        .toList();
  }

  private static String dockerfile() {
    return RepositoryFiles.read(DOCKERFILE);
  }

  /** The Dockerfile's stages, each from its FROM line on. */
  private static List<String> stages() {
    return Arrays.stream(dockerfile().split("(?m)^(?=FROM )"))
        .filter(s -> s.startsWith("FROM "))
        .toList();
  }
}
