package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What any client meets at the public entry point, before it has an account. */
@WithRunningSystem
class EdgeSystemIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void gatewayAnswersHealthWithATraceId(RunningSystem system) throws Exception {
    HttpResponse<String> response = get(system.gateway().resolve("/health"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(response.headers().firstValue("X-Trace-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
  }

  @Test
  void unknownPathIsAProblemNotAStackTrace(RunningSystem system) throws Exception {
    HttpResponse<String> response = get(system.gateway().resolve("/no/such/thing"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"type\":\"https://moveacces.ch/problems/not-found\"");
  }

  @Test
  void metricsAreNotReachableThroughTheEntryPoint(RunningSystem system) throws Exception {
    assertThat(get(system.gateway().resolve("/actuator/prometheus")).statusCode()).isEqualTo(404);
    assertThat(get(system.direct("profile-service").resolve("/actuator/prometheus")).statusCode())
        .as("operators still scrape each application directly")
        .isEqualTo(200);
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
