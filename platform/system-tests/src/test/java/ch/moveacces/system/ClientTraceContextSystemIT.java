package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing a client sends as trace context decides what is recorded: a sign-in that carries a valid
 * {@code traceparent}, a {@code tracestate} longer than any event may carry and a {@code baggage}
 * is answered under a trace the gateway started, and its events reach the audit trail without
 * either of the other two.
 */
@WithRunningSystem
class ClientTraceContextSystemIT {

  private static final String IDENTITY_TOPIC = "identity.events.v1";
  private static final String LOGIN_SUCCEEDED = "ch.moveacces.identity.login-succeeded.v1";
  private static final String LOGIN_FAILED = "ch.moveacces.identity.login-failed.v1";
  private static final String PASSWORD = "Sentier-du-Jura 2026";

  private static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Map<String, String> CLIENT_TRACE_CONTEXT =
      Map.of(
          "traceparent",
          "00-" + CLIENT_TRACE_ID + "-00f067aa0ba902b7-01",
          "tracestate",
          "alpha=" + "a".repeat(240) + ",beta=" + "b".repeat(240) + ",gamma=" + "c".repeat(240),
          "baggage",
          "user.id=1,role=admin");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void aClientsTraceContextNeitherNamesTheTraceNorKeepsItsEventsOutOfTheTrail(
      RunningSystem system) {
    String clientIp = anAddress();
    String email = "client-trace-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        ApiClient.from(system, clientIp)
            .post(
                "/auth/register",
                Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Lea"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    long userId = registered.body().path("user_id").asLong();

    Reply login = loginWithClientTraceContext(system, clientIp, email, PASSWORD);
    Reply refused =
        loginWithClientTraceContext(system, clientIp, email, "Pas-le-bon " + UUID.randomUUID());

    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
    String loginTrace = traceOf(login);
    String refusedTrace = traceOf(refused);

    List<JsonNode> trail =
        AuditTrail.readByTheAuditor(system)
            .awaitTrailOf(userId, List.of(LOGIN_SUCCEEDED, LOGIN_FAILED));
    JsonNode succeeded = recordedUnder(trail, LOGIN_SUCCEEDED, loginTrace);
    JsonNode failed = recordedUnder(trail, LOGIN_FAILED, refusedTrace);

    Map<String, ConsumerRecord<String, String>> records =
        awaitRecords(
            system,
            Set.of(succeeded.path("event_id").asString(), failed.path("event_id").asString()));
    assertThat(records.values())
        .allSatisfy(
            record -> {
              JsonNode envelope = JSON.readTree(record.value());
              assertThat(envelope.has("tracestate")).as(record.value()).isFalse();
              assertThat(envelope.has("baggage")).as(record.value()).isFalse();
              assertThat(envelope.path("traceparent").asString()).doesNotContain(CLIENT_TRACE_ID);
              assertThat(record.value()).doesNotContain("a".repeat(240));
              assertThat(record.headers())
                  .extracting(Header::key)
                  .doesNotContain("tracestate", "baggage");
            });
  }

  private static Reply loginWithClientTraceContext(
      RunningSystem system, String clientIp, String email, String password) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(system.gateway().resolve("/auth/login"))
            .timeout(Duration.ofSeconds(15))
            .header("X-Forwarded-For", clientIp)
            .header("User-Agent", "move-acces-system-test")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("email", email, "password", password))));
    CLIENT_TRACE_CONTEXT.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), response.headers().map(), body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String traceOf(Reply reply) {
    String trace = reply.header("X-Trace-Id");
    assertThat(trace)
        .as("X-Trace-Id: the gateway's own trace")
        .matches("[0-9a-f]{32}")
        .isNotEqualTo(CLIENT_TRACE_ID);
    return trace;
  }

  private static JsonNode recordedUnder(List<JsonNode> trail, String type, String trace) {
    List<JsonNode> rows =
        trail.stream()
            .filter(row -> row.path("type").asString().equals(type))
            .filter(row -> row.path("trace_id").asString().equals(trace))
            .toList();
    assertThat(rows).as(type + " under trace " + trace + " in " + trail).hasSize(1);
    return rows.getFirst();
  }

  /** The identity topic's records of the given events, read from the beginning. */
  private static Map<String, ConsumerRecord<String, String>> awaitRecords(
      RunningSystem system, Set<String> eventIds) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
    List<String> withTraceState = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(IDENTITY_TOPIC).stream()
              .map(partition -> new TopicPartition(IDENTITY_TOPIC, partition.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await("the events " + eventIds + " on " + IDENTITY_TOPIC)
          .atMost(Duration.ofSeconds(20))
          .pollInSameThread()
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  JsonNode envelope = JSON.readTree(record.value());
                  if (envelope.has("tracestate") || envelope.has("baggage")) {
                    withTraceState.add(record.value());
                  }
                  String id = envelope.path("id").asString();
                  if (eventIds.contains(id)) {
                    found.put(id, record);
                  }
                }
                return found.keySet().containsAll(eventIds);
              });
    }
    assertThat(withTraceState)
        .as("envelopes on " + IDENTITY_TOPIC + " with a tracestate")
        .isEmpty();
    return found;
  }

  private static String anAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
