package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import ch.moveacces.system.OperatorQueries.Query;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Grafana panel or an alert rule queries is one an application really exposes: the
 * system is used a little (sign-up, login, a wrong password until the rate limit answers 429, a
 * profile edit and its events, a socket refused), then each application's {@code
 * /actuator/prometheus} is scraped as Prometheus does.
 *
 * <p>The names are taken out of each PromQL expression of {@code deploy/} by {@link
 * PromQlMetricNames} ({@code up} is Prometheus' own); an expression that names no metric fails the
 * test.
 */
@WithRunningSystem
class DashboardMetricsSystemIT {

  private static final List<String> APPLICATIONS =
      List.of(
          "gateway",
          "auth-service",
          "profile-service",
          "subscription-service",
          "audit-service",
          "realtime-service");

  /** Prometheus records {@code up} for each target itself. */
  private static final Set<String> RECORDED_BY_PROMETHEUS = Set.of("up");

  private static final String PASSWORD = "Velo-du-lac-2026 matin";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyQueriedMetricIsExposedByAnApplication(RunningSystem system) throws Exception {
    Map<String, Set<String>> queried = queriedMetrics();
    assertThat(queried).as("metric names in the dashboards and alert rules").isNotEmpty();

    exercise(system);

    await("every queried metric in a scrape")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Set<String> exposed = exposedMetrics(system);
              Map<String, Set<String>> missing = new TreeMap<>(queried);
              missing.keySet().removeAll(exposed);
              missing.keySet().removeAll(RECORDED_BY_PROMETHEUS);
              assertThat(missing)
                  .as("metric names queried (with where) that no application exposes")
                  .isEmpty();
            });
  }

  /** Each name, with the dashboards and alerts that query it; every query names one at least. */
  private static Map<String, Set<String>> queriedMetrics() {
    Map<String, Set<String>> queried = new TreeMap<>();
    for (Query query : OperatorQueries.all()) {
      Set<String> names = PromQlMetricNames.in(query.expression());
      assertThat(names).as("metrics of %s: %s", query.source(), query.expression()).isNotEmpty();
      names.forEach(
          name -> queried.computeIfAbsent(name, key -> new TreeSet<>()).add(query.source()));
    }
    return queried;
  }

  /** Enough traffic that the counters created on first use exist. */
  private static void exercise(RunningSystem system) throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    String email = "metrics-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Ben"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    Reply login = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);

    ApiClient member = anonymous.withToken(login.text("access_token"));
    Reply profile = member.get("/users/me");
    assertThat(profile.status()).isEqualTo(200);
    Reply edited =
        member.mergePatch("/users/me", Map.of("tel", "079 123 45 67"), profile.header("ETag"));
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(member.get("/subscriptions").status()).isEqualTo(200);

    int refused = 0;
    for (int attempt = 0; attempt < 8 && refused == 0; attempt++) {
      int status =
          anonymous.post("/auth/login", Map.of("email", email, "password", "wrong")).status();
      if (status == 429) {
        refused++;
      }
    }
    assertThat(refused).as("a wrong password refused by the rate limit at last").isPositive();

    assertThat(refusedSocketCloseCode(system)).isEqualTo(4401);
  }

  /** A socket with a ticket no one issued: realtime-service closes it. */
  private static int refusedSocketCloseCode(RunningSystem system) throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
          }

          @Override
          public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
          }
        };
    URI uri =
        URI.create("ws://" + system.gateway().getAuthority() + "/ws?ticket=" + UUID.randomUUID());
    HTTP.newWebSocketBuilder()
        .header("X-Forwarded-For", "10.250.3.7")
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(uri, listener)
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
    return closed.get(10, TimeUnit.SECONDS);
  }

  /** The sample names of every application's scrape (text format: _total, _count, _bucket…). */
  private static Set<String> exposedMetrics(RunningSystem system) throws Exception {
    Set<String> names = new TreeSet<>();
    for (String application : APPLICATIONS) {
      HttpRequest scrape =
          HttpRequest.newBuilder(system.management(application).resolve("/actuator/prometheus"))
              .header("Accept", "text/plain;version=0.0.4")
              .timeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<String> response = HTTP.send(scrape, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s scrape", application).isEqualTo(200);
      response
          .body()
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("[{ ]", 2)[0])
          .forEach(names::add);
    }
    return names;
  }
}
