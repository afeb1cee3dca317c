package ch.moveacces.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real redis-server (embedded-redis) listening on 127.0.0.1. */
public final class RedisServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

  private final redis.embedded.RedisServer server;
  private final int port;

  private RedisServer(redis.embedded.RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** An in-memory server: nothing is written to disk. */
  public static RedisServer startInMemory(int port) {
    return start(port, null);
  }

  /**
   * A server that keeps its data in {@code dataDir} (append-only file), so it survives restarts.
   */
  public static RedisServer startPersistent(int port, Path dataDir) {
    return start(port, dataDir);
  }

  private static RedisServer start(int port, Path dataDir) {
    int actualPort = FreePorts.orFree(port);
    try {
      var builder =
          redis.embedded.RedisServer.newRedisServer()
              .port(actualPort)
              .bind("127.0.0.1")
              .setting("maxmemory 256mb")
              .setting("maxmemory-policy noeviction");
      if (dataDir == null) {
        builder.setting("save \"\"").setting("appendonly no");
      } else {
        Files.createDirectories(dataDir);
        builder
            .setting("dir " + dataDir.toAbsolutePath())
            .setting("appendonly yes")
            .setting("save \"\"");
      }
      redis.embedded.RedisServer server = builder.build();
      server.start();
      log.info("Redis up on 127.0.0.1:{}", actualPort);
      return new RedisServer(server, actualPort);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Redis did not start on port " + actualPort + " (is the port taken?)", e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * Stops the server (SIGTERM: a persistent one writes its append-only file first), keeping its
   * data for {@link #restart()}; nothing if it is stopped.
   */
  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      log.warn("Redis on port {} did not stop cleanly", port, e);
    }
  }

  /**
   * Starts it again after {@link #stop()}: same port, same settings and, when persistent, the data
   * it had; nothing if it is running.
   */
  public void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Redis did not start again on port " + port + " (is the port taken?)", e);
    }
    log.info("Redis up again on 127.0.0.1:{}", port);
  }

  public boolean isRunning() {
    return server.isActive();
  }

  @Override
  public void close() {
    stop();
  }
}
