package ch.moveacces.platform.defaults.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * Kafka is up when the cluster answers a {@code describeCluster} within the timeout and has at
 * least one broker. Asks without blocking a thread, through one long-lived admin client.
 */
public class KafkaClusterHealthIndicator extends AbstractReactiveHealthIndicator
    implements DisposableBean {

  private final AdminClient admin;
  private final Duration timeout;

  public KafkaClusterHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
    super("Kafka health check failed");
    this.timeout = timeout;
    Map<String, Object> config = new HashMap<>(adminConfig);
    int millis = Math.toIntExact(timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    // Its own client id: sharing the application's would clash in the client's JMX metrics.
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-health");
    this.admin = AdminClient.create(config);
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return Mono.defer(() -> describeCluster(builder));
  }

  private Mono<Health> describeCluster(Health.Builder builder) {
    DescribeClusterResult cluster =
        admin.describeCluster(
            new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())));
    Mono<String> clusterId = mono(cluster.clusterId()).defaultIfEmpty("unknown");
    Mono<Integer> brokers = mono(cluster.nodes()).map(Collection::size).defaultIfEmpty(0);
    return Mono.zip(clusterId, brokers)
        .timeout(timeout.plusMillis(500))
        .map(
            answer ->
                (answer.getT2() > 0 ? builder.up() : builder.down())
                    .withDetail("clusterId", answer.getT1())
                    .withDetail("brokers", answer.getT2())
                    .build());
  }

  private static <T> Mono<T> mono(KafkaFuture<T> future) {
    return Mono.fromCompletionStage(future.toCompletionStage());
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(1));
  }
}
