package ch.moveacces.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WebTestClients;
import ch.moveacces.testkit.openapi.ApiDocumentConventions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The shared operator conventions ({@code ServiceConventions}, {@code OwnMigrations}), and the
 * dead-letter topic, consumer lag, outcomes and retries in Prometheus.
 */
@RunningAuditService
class AuditServiceIT implements ServiceConventions, OwnMigrations, ApiDocumentConventions {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return WebTestClients.withLargeBodies(client);
  }

  @Override
  public String applicationName() {
    return "audit-service";
  }

  /** A consumer of events: without Kafka it has nothing to do. */
  @Override
  public List<String> readinessComponents() {
    return List.of("r2dbc", "kafka");
  }

  @Override
  public ServiceAccount account() {
    return ServiceAccount.AUDIT;
  }

  /** Without a token nothing but the actuators answers, not even which paths exist. */
  @Test
  void answersAnyPathWithoutTokenWithAnUnauthorizedProblem() {
    client()
        .get()
        .uri("/no-such-thing")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
  }

  /** Consumer lag from the Kafka client's own metrics, the trail's outcomes and retries. */
  @Test
  void showsTheConsumerLagToPrometheus() {
    EventEnvelope event = Events.loggedOut(Events.newUserId());
    Events.publish(event);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Trail.rowsOf("event_id", event.id().toString()) == 1);

    client()
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            metrics ->
                assertThat(metrics)
                    .containsPattern("audit_events_total\\{[^}]*outcome=\"recorded\"")
                    .containsPattern("audit_events_total\\{[^}]*outcome=\"flagged\"")
                    .contains("audit_retries_total")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total")
                    .containsPattern(
                        "kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"[^\"]+\""));
  }

  /**
   * The consumer runs in the group whose dead-letter topic it writes to, kept 30 days (the default
   * of moveacces.audit.dead-letter-retention): time to notice, fix and replay.
   */
  @Test
  void createsItsDeadLetterTopicKeptThirtyDays() throws Exception {
    String deadLetters = Topics.deadLetter("audit-service");
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestEngines.kafka().bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(deadLetters);
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, deadLetters);
      Config config =
          admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
      assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
          .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
    }
  }

  @Test
  void createsTheAuditLogWithItsOwnMigration() throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      try (ResultSet table =
          statement.executeQuery(
              "SELECT COUNT(*) FROM information_schema.tables"
                  + " WHERE table_schema = 'moveacces' AND table_name = 'audit_logs'")) {
        table.next();
        assertThat(table.getInt(1)).isEqualTo(1);
      }
      try (ResultSet migration =
          statement.executeQuery("SELECT success FROM flyway_history_audit WHERE version = '1'")) {
        assertThat(migration.next()).isTrue();
        assertThat(migration.getBoolean("success")).isTrue();
      }
    }
  }
}
