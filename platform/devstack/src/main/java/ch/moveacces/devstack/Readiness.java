package ch.moveacces.devstack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Waits for the applications started side by side: all of them ready, or the first failure. */
final class Readiness {

  private Readiness() {}

  /**
   * Returns once every application answers ready; throws {@link ServiceProcess.NotReady} for the
   * first one that exits or is not ready within {@code timeout}.
   */
  static void awaitAll(List<ServiceProcess> services, Duration timeout, Console console) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    try (ScheduledExecutorService probes = Executors.newScheduledThreadPool(2)) {
      CompletableFuture<?> firstFailure = new CompletableFuture<>();
      List<CompletableFuture<ServiceProcess>> readiness = new ArrayList<>();
      for (ServiceProcess service : services) {
        CompletableFuture<ServiceProcess> ready = service.readiness(http, probes, deadline);
        ready.thenAccept(
            s ->
                console.say(
                    "%s ready after %.1f s"
                        .formatted(s.app().module(), s.readyAfter().toMillis() / 1000.0)));
        ready.exceptionally(
            failure -> {
              firstFailure.completeExceptionally(failure);
              return null;
            });
        readiness.add(ready);
      }
      CompletableFuture.anyOf(
              CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)), firstFailure)
          .join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
