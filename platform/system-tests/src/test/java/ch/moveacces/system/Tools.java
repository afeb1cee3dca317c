package ch.moveacces.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs a test needs from the machine. Missing, the test is skipped and says so loudly; with
 * {@code MOVEACCES_DEPLOY_TOOLS_REQUIRED=true} (CI, once it installed them) it fails instead.
 */
final class Tools {

  private Tools() {}

  static boolean caddyInstalled() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "caddy")));
  }

  static void requireCaddy() {
    if (caddyInstalled()) {
      return;
    }
    String reason =
        "caddy is not installed, so HTTPS through Caddy in front of the devstack was NOT tested."
            + " Install it with `apt-get install -y caddy`.";
    if ("true".equalsIgnoreCase(System.getenv("MOVEACCES_DEPLOY_TOOLS_REQUIRED"))) {
      Assertions.fail(reason + " MOVEACCES_DEPLOY_TOOLS_REQUIRED=true makes that a failure.");
    }
    String line = "*".repeat(100);
    System.err.println(line + "\n* SKIPPED: " + reason + "\n" + line);
    Assumptions.abort(reason);
  }
}
