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

  @Test
  void believesAForwardedIpv6Address() {
    assertThat(info.ip(from("::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
  }

  /** Java would read "1.2" as 1.0.0.2 and look "cafe" up as a host name: neither is an address. */
  @Test
  void takesThePeerForAnythingButAFullIpLiteral() {
    assertThat(info.ip(from("127.0.0.1", "1.2"))).isEqualTo("127.0.0.1");
    assertThat(info.ip(from("127.0.0.1", "999.1.1.1"))).isEqualTo("127.0.0.1");
    assertThat(info.ip(from("127.0.0.1", "cafe"))).isEqualTo("127.0.0.1");
    assertThat(info.ip(from("127.0.0.1", "dead:beef"))).isEqualTo("127.0.0.1");
  }

  @Test
  void anUnknownPeerIsNullNotAPlaceholder() {
    assertThat(info.ip(MockServerHttpRequest.post("/auth/login").build())).isNull();
  }

  @Test
  void anAbsentUserAgentIsNullAndALongOneIsCut() {
    assertThat(info.userAgent(from("127.0.0.1", null))).isNull();
    assertThat(
            info.userAgent(
                MockServerHttpRequest.post("/auth/login").header("User-Agent", " ").build()))
        .isNull();
    assertThat(
            info.userAgent(
                MockServerHttpRequest.post("/auth/login")
                    .header("User-Agent", "x".repeat(254) + "\uD83D\uDE00")
                    .build()))
        .hasSize(254);
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
