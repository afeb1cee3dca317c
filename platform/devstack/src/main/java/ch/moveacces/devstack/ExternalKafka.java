package ch.moveacces.devstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka given with {@code --kafka}, checked before anything starts: without it audit-service
 * never gets ready, and the devstack would say so only after its whole timeout.
 */
final class ExternalKafka {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

  private ExternalKafka() {}

  static void requireAnswer(String bootstrapServers) {
    requireAnswer(bootstrapServers, ANSWER_WITHIN);
  }

  static void requireAnswer(String bootstrapServers, Duration within) {
    int millis = (int) within.toMillis();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis))) {
      admin.describeCluster().clusterId().get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "no Kafka answers at "
              + bootstrapServers
              + " (--kafka) within "
              + within.toMillis()
              + " ms",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reaching Kafka at " + bootstrapServers, e);
    }
  }
}
