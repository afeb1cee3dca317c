package ch.moveacces.deployment;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The tools some checks run (caddy, promtool). Without one installed its checks are skipped,
 * loudly; {@code MOVEACCES_DEPLOY_TOOLS_REQUIRED=true} makes its absence a failure instead.
 */
final class DeploymentTools {

  private DeploymentTools() {}

  static void requireInstalled(String tool) {
    if (onPath(tool)) {
      return;
    }
    String reason =
        tool
            + " is not installed, so this check of the deployment files did NOT run. Install it"
            + " with `apt-get install -y caddy prometheus` (prometheus brings promtool).";
    if ("true".equalsIgnoreCase(System.getenv("MOVEACCES_DEPLOY_TOOLS_REQUIRED"))) {
      Assertions.fail(reason + " MOVEACCES_DEPLOY_TOOLS_REQUIRED=true makes that a failure.");
    }
    String line = "*".repeat(100);
    System.err.println(line + "\n* SKIPPED: " + reason + "\n" + line);
    Assumptions.abort(reason);
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
        return true;
      }
    }
    return false;
  }
}
