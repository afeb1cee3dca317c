package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copies {@code --copy-jars} runs from: a copy is untouched by a rebuild; a half-written jar is
 * waited for.
 */
class FrozenJarsTest {

  @TempDir Path dir;

  private final Console console = new Console(System.out, false, List.of());

  @Test
  void runsTheApplicationFromACopyThatARebuildDoesNotTouch() throws Exception {
    Path jar = executableJar(dir.resolve("gateway-0.1.0.jar"), "first");

    Map<Application, Path> copies =
        FrozenJars.copy(Map.of(Application.GATEWAY, jar), dir.resolve("data"), console);
    executableJar(jar, "second");

    Path copy = copies.get(Application.GATEWAY);
    assertThat(copy).isEqualTo(dir.resolve("data/jars/gateway.jar"));
    assertThat(startClass(copy)).isEqualTo("first");
  }

  @Test
  void waitsForAJarCaughtHalfWrittenToBeFinished() throws Exception {
    Path jar = dir.resolve("gateway-0.1.0.jar");
    Files.write(jar, new byte[] {'P', 'K', 3, 4, 0});

    CompletableFuture<Map<Application, Path>> copying =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return FrozenJars.copy(
                    Map.of(Application.GATEWAY, jar), dir.resolve("data"), console);
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    await("the copy to wait while the jar is half-written")
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !copying.isDone());
    executableJar(jar, "finished");

    assertThat(startClass(copying.get().get(Application.GATEWAY))).isEqualTo("finished");
  }

  private static Path executableJar(Path file, String startClass) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "launcher");
    manifest.getMainAttributes().putValue("Start-Class", startClass);
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
    return file;
  }

  private static String startClass(Path file) throws IOException {
    try (JarFile jar = new JarFile(file.toFile())) {
      return jar.getManifest().getMainAttributes().getValue("Start-Class");
    }
  }
}
