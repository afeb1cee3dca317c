package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.EventType;
import ch.moveacces.realtime.Members.Member;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A device that stops reading: its socket is closed as a slow consumer (4413) once its bounded
 * buffers are full, while every other socket keeps receiving on time.
 *
 * <p>A raw TCP client stops reading while 3,000 events come: it is closed with 4413 (counted,
 * messages dropped, the connection cut), while the member's other device gets all 3,000 in order
 * and another member's event arrives within 1 s.
 */
@RunningRealtimeService
class SlowConsumerIT {

  @Autowired WebTestClient client;
  @Autowired KafkaListenerEndpointRegistry registry;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @BeforeEach
  void consumerIsAssigned() {
    Feed.awaitAssigned(registry);
  }

  @Test
  void closesAClientThatDoesNotReadAndKeepsServingTheOthers() throws Exception {
    Member member = Members.signIn();
    Member otherMember = Members.signIn();
    double slowClosesBefore = closes(4413);
    int events = 3_000;
    try (Socket slow = rawSocketThatStopsReading(ticket(member));
        TestSocket sameMembersOtherDevice = TestSocket.open(socketUri(ticket(member))).ready();
        TestSocket otherMembers = TestSocket.open(socketUri(ticket(otherMember))).ready()) {
      for (int i = 0; i < events; i++) {
        Events.send(Events.profileUpdated(member.userId()));
      }
      Events.flush();

      // the device that reads gets every event, in order, while the one that does not is closed
      StreamId previous = null;
      for (int i = 0; i < events; i++) {
        JsonNode message = sameMembersOtherDevice.next(Duration.ofSeconds(30));
        StreamId id = StreamId.parse(message.path("id").asString());
        assertThat(id).isNotNull();
        if (previous != null) {
          assertThat(id).isGreaterThan(previous);
        }
        previous = id;
      }
      assertThat(closes(4413)).isGreaterThan(slowClosesBefore);
      assertThat(meters.counter("realtime.messages.dropped").count()).isPositive();
      // after the close grace the connection itself is cut, although the client never read
      assertThat(readsToTheEnd(slow)).isTrue();

      Events.publish(Events.profileUpdated(otherMember.userId()));
      assertThat(otherMembers.next(Duration.ofSeconds(1)).path("type").asString())
          .isEqualTo(EventType.PROFILE_UPDATED.type());
      assertThat(sameMembersOtherDevice.isClosed()).isFalse();
      assertThat(otherMembers.isClosed()).isFalse();
    }
  }

  private double closes(int code) {
    Counter counter = meters.find("realtime.closes").tag("code", String.valueOf(code)).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Opens a socket with a small receive window, reads the upgrade and "ready", then nothing. */
  private Socket rawSocketThatStopsReading(String ticket) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(10_000);
    String handshake =
        "GET /ws?ticket="
            + ticket
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains("\"type\":\"ready\"")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("Closed before ready: " + seen);
      }
      seen.append((char) next);
    }
    assertThat(seen.toString()).startsWith("HTTP/1.1 101");
    return socket;
  }

  /** Reads whatever is left until the server ends the connection; false if it never does. */
  private static boolean readsToTheEnd(Socket socket) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    InputStream in = socket.getInputStream();
    try {
      while (in.read(buffer) >= 0) {
        // drain
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
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

  private URI socketUri(String ticket) {
    return URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + ticket);
  }
}
