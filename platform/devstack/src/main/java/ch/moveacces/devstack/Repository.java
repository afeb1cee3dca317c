package ch.moveacces.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The checked-out repository: where the applications' jars are built and the data is kept. */
record Repository(Path root) {

  static final String BUILD_COMMAND = "./mvnw -B -ntp package -DskipTests";

  /**
   * The repository this devstack.jar was built in ({@code platform/devstack/target/devstack.jar},
   * three levels down), or else the nearest directory holding {@code mvnw} above the working one.
   */
  static Repository locate() {
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
      Path jar = Path.of(classPath).toAbsolutePath().normalize();
      Path root = jar.resolveSibling("../../..").normalize();
      if (isRoot(root)) {
        return new Repository(root);
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return new Repository(dir);
      }
    }
    throw new IllegalStateException(
        "cannot find the Move Acces repository (a directory with mvnw and pom.xml): run"
            + " java -jar platform/devstack/target/devstack.jar from inside it");
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"));
  }

  /** Every application's jar; fails naming each one that is missing and how to build them. */
  Map<Application, Path> bootJars() {
    Map<Application, Path> jars = new EnumMap<>(Application.class);
    List<String> missing = new ArrayList<>();
    for (Application app : Application.values()) {
      bootJar(app)
          .ifPresentOrElse(jar -> jars.put(app, jar), () -> missing.add(bootJarPattern(app)));
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "no application jar at "
              + String.join(", ", missing)
              + ". Build them first, from "
              + root
              + ": "
              + BUILD_COMMAND);
    }
    return jars;
  }

  /** The executable jar Maven builds for {@code app}: {@code <module>/target/<module>-*.jar}. */
  Optional<Path> bootJar(Application app) {
    Path target = root.resolve(app.module()).resolve("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(file -> isBootJar(file, app.module()))
          .max(Comparator.comparing(Repository::lastModified));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@link #bootJar} looks, for messages. */
  String bootJarPattern(Application app) {
    return app.module() + "/target/" + app.module() + "-*.jar";
  }

  private static boolean isBootJar(Path file, String module) {
    String name = file.getFileName().toString();
    return name.startsWith(module + "-")
        && name.endsWith(".jar")
        && !name.endsWith("-sources.jar")
        && !name.endsWith("-javadoc.jar")
        && !name.endsWith("-tests.jar")
        && !name.endsWith("-plain.jar");
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
