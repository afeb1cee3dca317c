package ch.moveacces.platform.defaults.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientOriginTest {

  private final ClientOrigin origin = new ClientOrigin(List.of("127.0.0.1", "::1"));

  @Test
  void theFirstForwardedAddressCountsWhenTheGatewayForwards() {
    var request = from("127.0.0.1").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").build();
    assertThat(origin.ip(request)).isEqualTo("203.0.113.7");
  }

  @Test
  void anUntrustedPeerCannotClaimAnotherAddress() {
    var request = from("198.51.100.4").header("X-Forwarded-For", "203.0.113.7").build();
    assertThat(origin.ip(request)).isEqualTo("198.51.100.4");
  }

  @Test
  void somethingThatIsNotAnAddressIsIgnored() {
    var request = from("127.0.0.1").header("X-Forwarded-For", "evil.example, 1.2.3.4").build();
    assertThat(origin.ip(request)).isEqualTo("127.0.0.1");
    var bogus = from("127.0.0.1").header("X-Forwarded-For", "999.1.1.1").build();
    assertThat(origin.ip(bogus)).isEqualTo("127.0.0.1");
  }

  @Test
  void onlyFullLiteralsCountAsAddresses() {
    assertThat(ClientOrigin.isIpLiteral("203.0.113.7")).isTrue();
    assertThat(ClientOrigin.isIpLiteral("2001:db8::7")).isTrue();
    assertThat(ClientOrigin.isIpLiteral("::1")).isTrue();
    assertThat(ClientOrigin.isIpLiteral("1.2")).isFalse();
    assertThat(ClientOrigin.isIpLiteral("999.1.1.1")).isFalse();
    assertThat(ClientOrigin.isIpLiteral("cafe")).isFalse();
    assertThat(ClientOrigin.isIpLiteral("dead.beef")).isFalse();
    assertThat(ClientOrigin.isIpLiteral("01.2.3.4")).isFalse();
    assertThat(ClientOrigin.isIpLiteral("1:2:3")).isFalse();
  }

  @Test
  void aCutUserAgentNeverEndsInHalfACharacter() {
    String agent = "x".repeat(ClientOrigin.MAX_USER_AGENT - 1) + "😀tail";
    var request = from("127.0.0.1").header("User-Agent", agent).build();
    assertThat(origin.userAgent(request)).isEqualTo("x".repeat(ClientOrigin.MAX_USER_AGENT - 1));
  }

  @Test
  void anIpv6ClientIsKept() {
    var request = from("::1").header("X-Forwarded-For", "2001:db8::7").build();
    assertThat(origin.ip(request)).isEqualTo("2001:db8::7");
  }

  @Test
  void noPeerMeansNoAddress() {
    assertThat(origin.ip(MockServerHttpRequest.get("/").build())).isNull();
  }

  @Test
  void theUserAgentIsCappedAndAbsentIsNull() {
    assertThat(origin.userAgent(from("127.0.0.1").build())).isNull();
    assertThat(origin.userAgent(from("127.0.0.1").header("User-Agent", "  ").build())).isNull();
    var longAgent = from("127.0.0.1").header("User-Agent", "x".repeat(400)).build();
    assertThat(origin.userAgent(longAgent)).hasSize(ClientOrigin.MAX_USER_AGENT);
  }

  private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
    return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 50000));
  }
}
