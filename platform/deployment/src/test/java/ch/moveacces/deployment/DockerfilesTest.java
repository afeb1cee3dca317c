package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfilesTest {

  static final List<String> MODULES =
      List.of(
          "gateway",
          "auth-service",
          "profile-service",
          "subscription-service",
          "audit-service",
          "realtime-service");

  static Stream<String> modules() {
    return MODULES.stream();
  }

  @Test
  void composeBuildsEachApplicationFromItsOwnDockerfile() {
    assertThat(ComposeFile.load(ComposeFile.DEVELOPMENT).applications())
        .containsOnly(
            MODULES.stream()
                .map(module -> org.assertj.core.api.Assertions.entry(module, module))
                .toArray(java.util.Map.Entry[]::new));
  }

  @ParameterizedTest
  @MethodSource("modules")
  void buildsOnlyTheModuleAndWhatItNeedsWithTheWrapperOnJdk25(String module) {
    String dockerfile = dockerfile(module);
    assertThat(stages(dockerfile).getFirst()).startsWith("FROM eclipse-temurin:25-jdk");
    assertThat(dockerfile)
        .contains("./mvnw -B -ntp -pl " + module + " -am package")
        .contains("--mount=type=cache,target=/root/.m2")
        .contains("java -Djarmode=tools -jar /src/app.jar extract --layers --launcher");
  }

  @ParameterizedTest
  @MethodSource("modules")
  void runsOnAJava25JreAsAUserWithoutPrivileges(String module) {
    String runtime = stages(dockerfile(module)).getLast();
    assertThat(runtime).startsWith("FROM eclipse-temurin:25-jre");
    List<String> users =
        runtime.lines().filter(line -> line.startsWith("USER ")).map(String::strip).toList();
    assertThat(users).as("%s runtime USER", module).isNotEmpty();
    assertThat(users.getLast()).isNotIn("USER root", "USER 0", "USER 0:0");
    assertThat(runtime)
        .contains("HEALTHCHECK ")
        .contains("/actuator/health/readiness")
        .contains("org.springframework.boot.loader.launch.JarLauncher")
        .contains("-XX:MaxRAMPercentage=75")
        .contains("--enable-native-access=ALL-UNNAMED");
    for (String layer :
        List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
      assertThat(runtime).contains("/layers/" + layer + "/");
    }
  }

  // The build stage copies the poms one directory deep (and under platform/): the reactor reads
  // all.
  @Test
  void everyModulePomIsWhereTheBuildStageCopiesPomsFrom() {
    java.util.regex.Matcher modules =
        java.util.regex.Pattern.compile("<module>([^<]+)</module>")
            .matcher(RepositoryFiles.read("pom.xml"));
    List<String> found = new java.util.ArrayList<>();
    while (modules.find()) {
      found.add(modules.group(1));
    }
    assertThat(found).isNotEmpty().allMatch(module -> module.matches("(platform/)?[^/]+"));
    for (String module : MODULES) {
      assertThat(dockerfile(module))
          .contains("COPY --parents mvnw .mvn pom.xml */pom.xml platform/*/pom.xml ./");
    }
  }

  @Test
  void contextLeavesOutBuildOutputAndSecrets() {
    List<String> ignored =
        RepositoryFiles.read(".dockerignore").lines().map(String::strip).toList();
    assertThat(ignored).contains("**/target/", ".git/", ".env", ".devstack/");
  }

  private static String dockerfile(String module) {
    return RepositoryFiles.read(module + "/Dockerfile");
  }

  /** The Dockerfile's stages, each from its FROM line on. */
  private static List<String> stages(String dockerfile) {
    return Arrays.stream(dockerfile.split("(?m)^(?=FROM )"))
        .filter(s -> s.startsWith("FROM "))
        .toList();
  }
}
