package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace UI of the devstack without Docker: Zipkin, fed by every application next to the OTLP
 * export, shows a login as one trace from the gateway through auth-service and, across Kafka, to
 * audit-service.
 *
 * <p>Found by its {@code X-Trace-Id} in Zipkin's API ({@code /api/v2/trace/{id}}), awaited up to 30
 * s.
 */
@WithRunningSystem
class ZipkinTracesSystemIT {

  private static final String PASSWORD = "Tram-de-nuit-2026 gare";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void showsALoginAsOneTraceAcrossTheGatewayAuthServiceAndAuditService(RunningSystem system) {
    ApiClient member = ApiClient.from(system);
    String email = "zipkin-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        member.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Noa"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    Reply login = member.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    String traceId = login.header("X-Trace-Id");
    assertThat(traceId).as("X-Trace-Id").matches("[0-9a-f]{32}");

    URI trace = system.zipkin().resolve("/api/v2/trace/" + traceId);
    await("trace " + traceId + " in Zipkin with the gateway, auth-service and audit-service")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(servicesIn(trace)).contains("gateway", "auth-service", "audit-service"));
  }

  /** The services with a span in the trace; none while Zipkin answers 404 (not yet received). */
  private static Set<String> servicesIn(URI trace) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(trace).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    Set<String> services = new TreeSet<>();
    if (response.statusCode() == 200) {
      for (JsonNode span : JSON.readTree(response.body())) {
        services.add(span.path("localEndpoint").path("serviceName").asString());
      }
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    }
    return services;
  }
}
