package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.realtime.Members.Member;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The instance's timers and its socket cap, on a context of its own with values a test can wait
 * for: a ping every 200 ms, 1 s of silence closes a socket, at most 4 sockets on the instance (and
 * still 3 per member).
 */
@RunningRealtimeService
@TestPropertySource(
    properties = {
      "moveacces.realtime.ping-interval=200ms",
      "moveacces.realtime.idle-timeout=1s",
      "moveacces.realtime.max-connections=4"
    })
class HeartbeatAndInstanceCapIT {

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

  @Autowired WebTestClient client;
  @Autowired Connections connections;
  @LocalServerPort int port;

  private static boolean warm;

  @BeforeEach
  void warmAndNoSocketLeftFromAnotherTest() {
    // the first request of a fresh context on a busy machine may take longer than the default 5 s
    client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    if (!warm) {
      // the first ticket and socket wait on Redis's and the key set's first connections: longer,
      // on a busy machine, than the one-second timers under test allow (a ticket may even be 503)
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                try (TestSocket first = TestSocket.open(withTicket(Members.signIn()))) {
                  first.expect("ready", Duration.ofSeconds(30));
                }
              });
      warm = true;
    }
    // a closed socket leaves the count once its connection is gone, a moment after the close
    await().atMost(Duration.ofSeconds(5)).until(() -> connections.open() == 0);
  }

  @Test
  void pingsEverySocketAndClosesOneThatStaysSilent() {
    Member member = Members.signIn();
    long opened = System.nanoTime();
    try (TestSocket deaf = TestSocket.openDeaf(withTicket(member)).ready()) {
      await().atMost(Duration.ofSeconds(5)).until(() -> deaf.pings() >= 2);

      assertThat(deaf.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4000);
      assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(IDLE_TIMEOUT);
      assertThat(deaf.drain()).as("nothing but pings after ready").isEmpty();
    }
  }

  @Test
  void keepsASocketThatAnswersThePings() {
    Member member = Members.signIn();
    // this client answers every ping with a pong, and sends nothing else
    try (TestSocket answering = TestSocket.open(withTicket(member)).ready()) {
      await()
          .during(IDLE_TIMEOUT.multipliedBy(3))
          .atMost(IDLE_TIMEOUT.multipliedBy(5))
          .until(() -> !answering.isClosed());

      answering.send("{\"type\":\"ping\"}");
      answering.expect("pong", Duration.ofSeconds(1));
    }
  }

  @Test
  void refusesASocketOverTheInstanceCapAndTakesOneAgainOnceAPlaceIsFree() {
    Member first = Members.signIn();
    Member second = Members.signIn();
    Member third = Members.signIn();
    // four sockets of two members: under each member's limit of 3, at the instance's cap of 4
    try (TestSocket one = TestSocket.open(withTicket(first)).ready();
        TestSocket two = TestSocket.open(withTicket(first)).ready();
        TestSocket three = TestSocket.open(withTicket(first)).ready();
        TestSocket four = TestSocket.open(withTicket(second)).ready()) {
      try (TestSocket refused = TestSocket.open(withTicket(third))) {
        assertThat(refused.closeStatus(Duration.ofSeconds(5)).getCode()).isEqualTo(4429);
        assertThat(refused.drain()).isEmpty();
      }
      assertThat(List.of(one, two, three, four)).noneMatch(TestSocket::isClosed);
      assertThat(connections.open()).isEqualTo(4);

      four.close();
      await().atMost(Duration.ofSeconds(5)).until(() -> connections.open() == 3);
      try (TestSocket admitted = TestSocket.open(withTicket(third)).ready()) {
        assertThat(admitted.isClosed()).isFalse();
      }
    }
  }

  private URI withTicket(Member member) {
    JsonNode body =
        client
            .post()
            .uri("/realtime/ticket")
            .headers(headers -> headers.setBearerAuth(member.token()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    return URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + body.path("ticket").asString());
  }
}
