package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.legacy.LegacyDatabase;
import ch.moveacces.system.ApiClient.Reply;
import ch.moveacces.system.TraceReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an SRE sees in Jaeger: one request is one trace, from the gateway through the service that
 * handled it and, across Kafka, to the audit consumer that recorded its event.
 *
 * <p>The trace's id is the {@code X-Trace-Id} answered; the gateway's server span is its root, and
 * audit-service's consumer span, a child of the auth-service span that wrote the event, is awaited
 * up to 20 s.
 */
@WithRunningSystem
class TracingSystemIT {

  @Test
  void aLoginIsOneTraceFromTheGatewayThroughAuthServiceAndKafkaToAuditService(
      RunningSystem system) {
    Reply login =
        ApiClient.from(system)
            .post(
                "/auth/login",
                Map.of(
                    "email", LegacyDatabase.SEED_EMAIL, "password", LegacyDatabase.SEED_PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    String traceId = login.header("X-Trace-Id");
    assertThat(traceId).as("X-Trace-Id").matches("[0-9a-f]{32}");

    await("spans of trace " + traceId + " from the gateway, auth-service and audit-service")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              List<ReceivedSpan> spans = system.traces().spansOf(traceId);
              assertThat(system.traces().servicesIn(traceId))
                  .contains("gateway", "auth-service", "audit-service");
              assertThat(spans)
                  .as(
                      "audit-service's consumer span, a child of auth-service's that wrote the event")
                  .anySatisfy(
                      span -> {
                        assertThat(span.service()).isEqualTo("audit-service");
                        assertThat(span.kind()).isEqualTo("SPAN_KIND_CONSUMER");
                        assertThat(span.parentSpanId()).isIn(spanIdsOf(spans, "auth-service"));
                      });
              // Inside the wait: the gateway's server span ends after the response, so its export
              // can come after that of the gateway's own client span and the other services' spans.
              assertThat(spans.stream().filter(span -> span.parentSpanId().isEmpty()))
                  .as("the trace's root span")
                  .singleElement()
                  .extracting(ReceivedSpan::service, ReceivedSpan::kind)
                  .containsExactly("gateway", "SPAN_KIND_SERVER");
            });
  }

  private static Set<String> spanIdsOf(List<ReceivedSpan> spans, String service) {
    return spans.stream()
        .filter(span -> span.service().equals(service))
        .map(ReceivedSpan::spanId)
        .collect(Collectors.toSet());
  }
}
