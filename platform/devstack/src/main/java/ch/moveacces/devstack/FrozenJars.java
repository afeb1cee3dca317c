package ch.moveacces.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Copies of the applications' jars under the data directory ({@code --copy-jars}), for the
 * applications to run from: rebuilding a module while the devstack runs (Spring Boot's repackaging
 * rewrites the jar in place) then breaks nothing that is running. A jar caught half-written is
 * copied again once its build has finished.
 */
final class FrozenJars {

  static final String DIRECTORY = "jars";

  private static final Duration WAIT_FOR_BUILD = Duration.ofSeconds(120);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private FrozenJars() {}

  static Map<Application, Path> copy(Map<Application, Path> jars, Path dataDir, Console console)
      throws IOException, InterruptedException {
    Path directory = Files.createDirectories(dataDir.resolve(DIRECTORY));
    Map<Application, Path> copies = new EnumMap<>(Application.class);
    for (Map.Entry<Application, Path> jar : jars.entrySet()) {
      Path copy = directory.resolve(jar.getKey().module() + ".jar");
      long deadline = System.nanoTime() + WAIT_FOR_BUILD.toNanos();
      while (!copyWhole(jar.getValue(), copy)) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              jar.getValue()
                  + " is still being written after "
                  + WAIT_FOR_BUILD.toSeconds()
                  + " s");
        }
        console.say(jar.getValue().getFileName() + " is being rebuilt; copying it again shortly");
        Thread.sleep(RETRY_AFTER);
      }
      copies.put(jar.getKey(), copy);
    }
    return copies;
  }

  /** Whether the copy is of a finished, unchanged executable jar. */
  private static boolean copyWhole(Path jar, Path copy) throws IOException {
    FileTime before = Files.getLastModifiedTime(jar);
    long size = Files.size(jar);
    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    return before.equals(Files.getLastModifiedTime(jar))
        && size == Files.size(jar)
        && isExecutableJar(copy);
  }

  private static boolean isExecutableJar(Path file) {
    try (JarFile jar = new JarFile(file.toFile())) {
      Manifest manifest = jar.getManifest();
      return manifest != null
          && manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) != null
          && manifest.getMainAttributes().getValue("Start-Class") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
