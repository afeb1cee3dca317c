package ch.moveacces.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processes of a devstack that was killed (SIGKILL, a closed terminal) before it could stop
 * them. Its devstack.json is still there and lists them; the next devstack on the same data stops
 * them, for they hold the ports and the data it needs.
 */
final class Leftovers {

  private Leftovers() {}

  static void stop(Path statusFile, Repository repository, Console console) throws IOException {
    if (!Files.exists(statusFile)) {
      return;
    }
    List<ProcessHandle> leftovers = new ArrayList<>();
    try {
      JsonNode status = JsonMapper.builder().build().readTree(statusFile.toFile());
      for (JsonNode pid : status.path("processes")) {
        ProcessHandle.of(pid.asLong())
            .filter(process -> startedByADevstack(process, repository, statusFile.getParent()))
            .ifPresent(leftovers::add);
      }
    } catch (JacksonException e) {
      console.say("ignoring an unreadable " + statusFile + " from an earlier run");
    }
    if (!leftovers.isEmpty()) {
      console.say(
          "stopping "
              + leftovers.size()
              + " processes left running by a devstack that was killed: "
              + leftovers.stream().map(ProcessHandle::pid).toList());
      leftovers.forEach(ProcessHandle::destroy);
      for (ProcessHandle process : leftovers) {
        try {
          process.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          process.destroyForcibly();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
    Files.delete(statusFile);
  }

  /** Guards against a process id that the system has given to an unrelated process since. */
  private static boolean startedByADevstack(
      ProcessHandle process, Repository repository, Path dataDir) {
    Optional<String> commandLine = process.info().commandLine();
    return process.isAlive()
        && commandLine
            .map(
                line ->
                    line.contains("mariadbd")
                        || line.contains("redis-server")
                        || line.contains(repository.root().toString())
                        || line.contains(dataDir.resolve(FrozenJars.DIRECTORY).toString())
                        || line.contains(dataDir.resolve(Caddy.NAME).toString()))
            .orElse(false);
  }
}
