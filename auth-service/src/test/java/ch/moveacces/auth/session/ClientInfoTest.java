package ch.moveacces.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientInfoTest {

  private final ClientInfo info =
      new ClientInfo(
          new SessionProperties(
              Duration.ofHours(24), Duration.ofSeconds(20), List.of("127.0.0.1", "::1")));

  @Test
  void believesTheFirstForwardedAddressFromATrustedProxy() {
    assertThat(info.ip(from("127.0.0.1", "203.0.113.7, 10.0.0.1"))).isEqualTo("203.0.113.7");
    assertThat(info.ip(from("::1", "203.0.113.8"))).isEqualTo("203.0.113.8");
  }

  @Test
  void ignoresForwardedAddressesFromAnyoneElse() {
    assertThat(info.ip(from("198.51.100.4", "203.0.113.7"))).isEqualTo("198.51.100.4");
  }

  @Test
  void takesThePeerWhenTheForwardedEntryIsNoAddress() {
    assertThat(info.ip(from("127.0.0.1", "<script>alert(1)</script>"))).isEqualTo("127.0.0.1");
  }

  @Test
  void takesThePeerWhenNothingIsForwarded() {
    assertThat(info.ip(from("127.0.0.1", null))).isEqualTo("127.0.0.1");
  }

  private static MockServerHttpRequest from(String peer, String forwardedFor) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.post("/auth/login").remoteAddress(new InetSocketAddress(peer, 40000));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return request.build();
  }
}
