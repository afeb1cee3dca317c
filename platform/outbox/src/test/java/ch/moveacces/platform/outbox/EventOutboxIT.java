package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemaViolation;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.platform.events.payload.LoginSucceeded;
import ch.moveacces.platform.events.payload.ProfileUpdated;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WithKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Events appended through the outbox: a valid envelope keyed by its subject on its type's topic,
 * the operation's traceparent (never its tracestate) in the envelope and the record's headers, an
 * envelope that breaks its schema refused with the change it belongs to, and nothing written when
 * switched off.
 */
@WithKafka
class EventOutboxIT {

  private static final EventSchemas SCHEMAS = EventSchemas.load();

  private OutboxFixture fixture;
  private ApplicationContextRunner application;

  @BeforeEach
  void freshTable() throws Exception {
    fixture = new OutboxFixture();
    application =
        new ApplicationContextRunner()
            .withConfiguration(
                AutoConfigurations.of(
                    R2dbcAutoConfiguration.class,
                    KafkaAutoConfiguration.class,
                    OutboxAutoConfiguration.class,
                    EventOutboxAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(
                "spring.application.name=outbox-test",
                "spring.r2dbc.url=" + TestEngines.database().r2dbcUrl(),
                "spring.r2dbc.username=" + OutboxFixture.USER,
                "spring.r2dbc.password=" + OutboxFixture.PASSWORD,
                "spring.kafka.bootstrap-servers=" + TestEngines.kafka().bootstrapServers(),
                "moveacces.outbox.relay-enabled=false",
                "moveacces.outbox.table=" + fixture.table.name());
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void anEventIsAValidEnvelopeKeyedByItsSubjectOnItsTypesTopic() {
    UUID session = UUID.randomUUID();
    application.run(
        context -> {
          EventEnvelope appended =
              context
                  .getBean(EventOutbox.class)
                  .append(
                      EventEnvelope.builder(new LoginSucceeded(session.toString()))
                          .user(42)
                          .client("203.0.113.7", "MoveAcces/2.4 (iOS 18.1)"))
                  .block();

          List<Map<String, String>> rows = rows();
          assertThat(rows).hasSize(1);
          Map<String, String> row = rows.getFirst();
          assertThat(row.get("event_id")).isEqualTo(appended.id().toString());
          assertThat(row.get("topic")).isEqualTo("identity.events.v1");
          assertThat(row.get("msg_key")).isEqualTo("42");
          SCHEMAS.check(row.get("payload"));
          EventEnvelope stored = EventJson.read(row.get("payload"));
          assertThat(stored.source()).isEqualTo("/outbox-test");
          assertThat(stored.data()).containsEntry("session_id", session.toString());
          assertThat(stored.traceparent()).isNull();
          assertThat(row.get("headers")).isEqualTo("{}");
        });
  }

  @Test
  void theTraceContextOfTheOperationTravelsInTheEnvelopeAndTheHeaders() {
    SdkTracerProvider provider = SdkTracerProvider.builder().build();
    io.opentelemetry.api.trace.Tracer otel = provider.get("event-outbox-it");
    OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    OtelPropagator propagator =
        new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);

    application
        .withBean(Tracer.class, () -> tracer)
        .withBean(Propagator.class, () -> propagator)
        .run(
            context -> {
              Span span = tracer.nextSpan().name("profile update").start();
              try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                context
                    .getBean(EventOutbox.class)
                    .append(EventEnvelope.builder(new ProfileUpdated(List.of("nom"))).user(7))
                    .block();
              } finally {
                span.end();
              }

              String traceparent =
                  "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
              Map<String, String> row = rows().getFirst();
              SCHEMAS.check(row.get("payload"));
              assertThat(EventJson.read(row.get("payload")).traceparent()).isEqualTo(traceparent);
              assertThat(HeadersJson.read(row.get("headers")))
                  .containsEntry("traceparent", traceparent);
            });
    provider.close();
  }

  @Test
  void theTraceStateOfTheOperationIsNotCopied() {
    SdkTracerProvider provider = SdkTracerProvider.builder().build();
    io.opentelemetry.api.trace.Tracer otel = provider.get("event-outbox-it");
    OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    OtelPropagator propagator =
        new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    Map<String, String> incoming =
        Map.of(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "tracestate",
            "vendor="
                + "a".repeat(240)
                + ",other="
                + "b".repeat(240)
                + ",third="
                + "c".repeat(240));

    application
        .withBean(Tracer.class, () -> tracer)
        .withBean(Propagator.class, () -> propagator)
        .run(
            context -> {
              Span span = propagator.extract(incoming, Map::get).name("login").start();
              EventEnvelope appended;
              try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                appended =
                    context
                        .getBean(EventOutbox.class)
                        .append(
                            EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
                                .user(5))
                        .block();
              } finally {
                span.end();
              }

              assertThat(appended.tracestate()).isNull();
              assertThat(appended.traceparent()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
              Map<String, String> row = rows().getFirst();
              SCHEMAS.check(row.get("payload"));
              assertThat(row.get("payload")).doesNotContain("tracestate");
              assertThat(HeadersJson.read(row.get("headers"))).containsOnlyKeys("traceparent");
            });
    provider.close();
  }

  @Test
  void anEnvelopeThatBreaksItsSchemaFailsTheAppendAndRollsTheChangeBack() {
    application.run(
        context -> {
          ConnectionFactory connections = context.getBean(ConnectionFactory.class);
          var change =
              DatabaseClient.create(connections)
                  .sql("INSERT INTO " + fixture.domainTable + " (id, name) VALUES (1, 'Anna')")
                  .then()
                  .then(
                      context
                          .getBean(EventOutbox.class)
                          .append(
                              EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
                                  .user(9)
                                  .client("no address at all", "MoveAcces/2.4")))
                  .as(
                      TransactionalOperator.create(new R2dbcTransactionManager(connections))
                          ::transactional);

          assertThatThrownBy(change::block)
              .isInstanceOf(EventSchemaViolation.class)
              .hasMessageContaining("client_ip");
          assertThat(rows()).isEmpty();
          assertThat(domainRows()).isZero();
        });
  }

  @Test
  void switchedOffItWritesNothing() {
    application
        .withPropertyValues("moveacces.outbox.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(Outbox.class);
              EventEnvelope event =
                  context
                      .getBean(EventOutbox.class)
                      .append(
                          EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
                              .user(3))
                      .block();
              assertThat(event.subject()).isEqualTo("3");
              assertThat(rows()).isEmpty();
            });
  }

  private long domainRows() throws Exception {
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement();
        ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + fixture.domainTable)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private List<Map<String, String>> rows() throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection admin = TestEngines.adminConnection();
        Statement sql = admin.createStatement();
        ResultSet result =
            sql.executeQuery(
                "SELECT event_id, topic, msg_key, payload, headers FROM "
                    + fixture.table.name()
                    + " ORDER BY id")) {
      while (result.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : List.of("event_id", "topic", "msg_key", "payload", "headers")) {
          row.put(column, result.getString(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
