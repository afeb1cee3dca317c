package ch.moveacces.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Audit refuses connections, subscription never answers (route time limit 1 s here). */
class ResilienceIT extends GatewayITSupport {

  @Autowired RouteLocator routes;

  /** The gateway's first request in a fresh JVM also loads classes: not what is timed here. */
  @BeforeEach
  void warmUp() {
    get("/users/me").expectStatus().isOk();
  }

  private WebTestClient.ResponseSpec get(String path) {
    return client
        .mutate()
        .responseTimeout(Duration.ofSeconds(10))
        .build()
        .get()
        .uri(path)
        .headers(h -> h.setBearerAuth(activeSessionToken(aSubject())))
        .exchange();
  }

  @Test
  void answersAServiceThatIsDownWithAServiceUnavailableProblemAtOnce() {
    long started = System.nanoTime();
    get("/audit/logs")
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/service-unavailable")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).doesNotContain("127.0.0.1"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void answersAServiceThatHangsWithinTheRouteTimeLimit() {
    long started = System.nanoTime();
    get("/subscriptions/7")
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void keepsServingTheOtherRoutesWhileOneServiceIsDown() {
    for (int i = 0; i < 12; i++) {
      get("/audit/logs").expectStatus().isEqualTo(503);
    }

    get("/users/me").expectStatus().isOk();
    get("/realtime/devices").expectStatus().isOk();
  }

  @Test
  void retriesNoRequestThatReachedItsService() {
    String id = anId();
    get("/users/hang-up?id=" + id).expectStatus().isEqualTo(503);

    assertThat(services.requests()).filteredOn(request -> id.equals(request.id())).hasSize(1);
  }

  @Test
  void retriesGetsOnceOnARefusedConnectionOnly() {
    assertThat(
            routes
                .getRoutes()
                .filter(route -> route.getId().equals("profile-service"))
                .blockFirst())
        .satisfies(
            route ->
                assertThat(route.getFilters())
                    .map(Object::toString)
                    .anySatisfy(
                        filter ->
                            assertThat(filter)
                                .contains(
                                    "Retry",
                                    "retries = 1",
                                    "methods = list[GET]",
                                    "series = list[[empty]]",
                                    "statuses = list[[empty]]",
                                    "exceptions = list[ConnectException]")));
  }

  @Test
  void doesNotServeTheFallbackToClients() {
    client.get().uri("/service-unavailable").exchange().expectStatus().isNotFound();
  }
}
