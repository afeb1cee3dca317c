package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.EventType;
import ch.moveacces.realtime.Members.Member;
import ch.moveacces.testkit.TestEngines;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on the same Redis and Kafka, as behind a load balancer: the test's context and a
 * second application started here on its own port, in the same consumer group. Whichever instance
 * consumes an event, it reaches the member's sockets on both, and a revocation closes them on both.
 *
 * <p>A ticket issued by one instance opens a socket on the other; the revocation closes both within
 * 1 s and spares the member's other session.
 */
@RunningRealtimeService
class TwoInstancesIT {

  private static ConfigurableApplicationContext second;

  @Autowired WebTestClient client;
  @Autowired KafkaListenerEndpointRegistry registry;
  @LocalServerPort int port;

  @BeforeAll
  static void startSecondInstance() {
    second =
        // arguments, which win over application.yml (builder properties would not)
        new SpringApplicationBuilder(RealtimeServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.data.redis.host=" + TestEngines.redis().host(),
                "--spring.data.redis.port=" + TestEngines.redis().port(),
                "--spring.kafka.bootstrap-servers=" + TestEngines.kafka().bootstrapServers(),
                "--spring.kafka.consumer.auto-offset-reset=earliest",
                "--moveacces.tokens.jwk-set-uri=" + Members.JWKS.uri());
  }

  @AfterAll
  static void stopSecondInstance() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void pushesToSocketsOnBothInstancesAndRevokesOnBothWithinASecond() {
    Member member = Members.signIn();
    Member otherSession = Members.session(member.userId());
    int secondPort =
        second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    // a ticket is in Redis: issued by one instance, it opens a socket on the other
    try (TestSocket onFirst = TestSocket.open(socketUri(port, ticket(member))).ready();
        TestSocket onSecond = TestSocket.open(socketUri(secondPort, ticket(member))).ready();
        TestSocket keptOnSecond =
            TestSocket.open(socketUri(secondPort, ticket(otherSession))).ready()) {
      // the group may still be sharing its partitions out between the two instances
      Events.publish(Events.profileUpdated(member.userId()));
      Events.publish(
          Events.sessionEvent(
              EventType.REFRESH_TOKEN_ROTATED, member.userId(), member.sessionId()));
      for (TestSocket socket : new TestSocket[] {onFirst, onSecond, keptOnSecond}) {
        socket.next(Duration.ofSeconds(60));
        socket.next(Duration.ofSeconds(60));
      }

      Events.publish(Events.profileUpdated(member.userId()));
      JsonNode first = onFirst.next(Duration.ofSeconds(1));
      JsonNode secondMessage = onSecond.next(Duration.ofSeconds(1));
      assertThat(secondMessage.path("id").asString()).isEqualTo(first.path("id").asString());

      Events.publish(
          Events.sessionEvent(EventType.SESSION_REVOKED, member.userId(), member.sessionId()));
      assertThat(onFirst.closeStatus(Duration.ofSeconds(1)).getCode()).isEqualTo(4403);
      assertThat(onSecond.closeStatus(Duration.ofSeconds(1)).getCode()).isEqualTo(4403);
      assertThat(keptOnSecond.next(Duration.ofSeconds(1)).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
      assertThat(keptOnSecond.next(Duration.ofSeconds(1)).path("type").asString())
          .isEqualTo(EventType.SESSION_REVOKED.type());
      assertThat(keptOnSecond.isClosed()).isFalse();
    }
  }

  private String ticket(Member member) {
    return client
        .post()
        .uri("/realtime/ticket")
        .headers(headers -> headers.setBearerAuth(member.token()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody()
        .path("ticket")
        .asString();
  }

  private static URI socketUri(int port, String ticket) {
    return URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + ticket);
  }
}
