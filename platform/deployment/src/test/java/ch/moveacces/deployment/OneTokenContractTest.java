package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One contract for access tokens and sessions (ADR 0005): the session key is spelled in one main
 * class, there is one type for the user of a verified token, and auth-service verifies tokens with
 * token-verification's decoder instead of a JWT processor of its own.
 */
class OneTokenContractTest {

  static final String SESSION_KEY = "auth:session:";

  private static final Pattern AUTHENTICATED_USER_TYPE =
      Pattern.compile("\\b(class|record|interface|enum)\\s+AuthenticatedUser\\b");

  /** What building a JWT verifier of one's own takes, in Nimbus or in Spring Security. */
  static final List<String> OWN_VERIFIER =
      List.of(
          "DefaultJWTProcessor",
          "JWTProcessor",
          "DefaultJWTClaimsVerifier",
          "JWSVerificationKeySelector",
          "NimbusJwtDecoder",
          "NimbusReactiveJwtDecoder");

  /** Build output and installed packages; hidden directories (.git, .devstack) are skipped too. */
  private static final Set<String> SKIPPED = Set.of("target", "node_modules");

  @Test
  void spellsTheSessionKeyInOneMainClass() {
    assertThat(mainClassesContaining(RepositoryFiles.ROOT, SESSION_KEY))
        .singleElement()
        .satisfies(file -> assertThat(file).endsWith(Path.of("ActiveSessions.java")));
  }

  @Test
  void hasOneAuthenticatedUser() {
    assertThat(authenticatedUserTypes(RepositoryFiles.ROOT))
        .singleElement()
        .satisfies(
            file ->
                assertThat(file).startsWith(RepositoryFiles.path("platform/token-verification")));
  }

  @Test
  void authServiceBuildsNoJwtVerifierOfItsOwn() {
    Path authService = RepositoryFiles.path("auth-service");
    assertThat(Files.isDirectory(authService.resolve("src/main/java"))).isTrue();
    assertThat(ownVerifiers(authService)).isEmpty();
  }

  @Test
  void eachCheckFailsOnACodebaseThatBreaksIt(@TempDir Path repository) throws IOException {
    write(
        repository,
        "gateway/src/main/java/g/Sessions.java",
        "class Sessions { String key = \"auth:session:\"; }");
    write(
        repository,
        "platform/token-verification/src/main/java/t/ActiveSessions.java",
        "class ActiveSessions { String key = \"auth:session:\"; }");
    write(
        repository,
        "gateway/src/main/java/g/AuthenticatedUser.java",
        "public final class AuthenticatedUser {}");
    write(
        repository,
        "platform/token-verification/src/main/java/t/AuthenticatedUser.java",
        "public record AuthenticatedUser(long userId) {}");
    write(
        repository,
        "auth-service/src/main/java/a/AccessTokens.java",
        "class AccessTokens { DefaultJWTProcessor<SecurityContext> processor; }");
    // test code and build output do not count
    write(repository, "gateway/src/test/java/g/Fixture.java", "String k = \"auth:session:\";");
    write(repository, "gateway/target/src/main/java/g/Copy.java", "String k = \"auth:session:\";");

    assertThat(mainClassesContaining(repository, SESSION_KEY)).hasSize(2);
    assertThat(authenticatedUserTypes(repository)).hasSize(2);
    assertThat(ownVerifiers(repository.resolve("auth-service"))).hasSize(1);
  }

  static List<Path> mainClassesContaining(Path root, String literal) {
    return mainSources(root).filter(file -> read(file).contains(literal)).toList();
  }

  static List<Path> authenticatedUserTypes(Path root) {
    return mainSources(root)
        .filter(file -> AUTHENTICATED_USER_TYPE.matcher(read(file)).find())
        .toList();
  }

  static List<Path> ownVerifiers(Path module) {
    Pattern anyOf = Pattern.compile("\\b(" + String.join("|", OWN_VERIFIER) + ")\\b");
    return mainSources(module).filter(file -> anyOf.matcher(read(file)).find()).toList();
  }

  /** Every {@code .java} file under a {@code src/main/java} below {@code root}. */
  private static Stream<Path> mainSources(Path root) {
    List<Path> sources = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(
                Path directory, BasicFileAttributes attributes) {
              String name = String.valueOf(directory.getFileName());
              boolean skipped =
                  SKIPPED.contains(name) || (name.startsWith(".") && !directory.equals(root));
              return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String path = root.relativize(file).toString().replace('\\', '/');
              if (path.endsWith(".java") && path.contains("src/main/java/")) {
                sources.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources.stream();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
