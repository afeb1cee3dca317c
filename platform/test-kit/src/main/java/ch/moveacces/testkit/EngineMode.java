package ch.moveacces.testkit;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/** Which engines the tests run on, chosen by {@code -Dmoveacces.test.engines}. */
enum EngineMode {
  EMBEDDED,
  TESTCONTAINERS;

  static final String PROPERTY = "moveacces.test.engines";

  static EngineMode current() {
    String value = System.getProperty(PROPERTY, "embedded").trim().toUpperCase(Locale.ROOT);
    return EngineMode.valueOf(value);
  }

  /** Whether this machine can run the engines of this mode. */
  boolean available() {
    return this == EMBEDDED || DockerClientFactory.instance().isDockerAvailable();
  }
}
