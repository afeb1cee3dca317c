package ch.moveacces.platform.defaults.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.Client;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientOriginsTest {

  /** The gateway: behind Caddy on this host and on 10/8, or reached directly. */
  @Nested
  class AtTheEdge {

    private final ClientOrigins behindCaddy =
        new ClientOrigins(TrustedProxies.of(List.of("127.0.0.1/32", "10.0.0.0/8")));

    @Test
    void reachedDirectlyEveryClientIsItsPeerWhateverItClaims() {
      ClientOrigins direct = new ClientOrigins(TrustedProxies.none());

      assertThat(direct.ip(from("127.0.0.1", "1.2.3.4"))).isEqualTo("127.0.0.1");
      assertThat(direct.ip(from("198.51.100.20", "1.2.3.4"))).isEqualTo("198.51.100.20");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
      assertThat(behindCaddy.ip(from("198.51.100.20", "1.2.3.4"))).isEqualTo("198.51.100.20");
    }

    @Test
    void takesTheRightmostAddressThatIsNoTrustedProxy() {
      assertThat(behindCaddy.ip(from("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3")))
          .isEqualTo("203.0.113.9");
      assertThat(behindCaddy.ip(from("127.0.0.1", "6.6.6.6", "203.0.113.9, 10.9.9.9")))
          .as("several headers read as one list")
          .isEqualTo("203.0.113.9");
    }

    @Test
    void whatAClientWritesLeftOfItsOwnAddressIsNotBelieved() {
      assertThat(behindCaddy.ip(from("127.0.0.1", "10.0.0.1, 127.0.0.1, 203.0.113.9")))
          .isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesLeadsToTheLeftmostAddress() {
      assertThat(behindCaddy.ip(from("127.0.0.1", "10.0.0.3, 10.0.0.2, 10.0.0.1")))
          .isEqualTo("10.0.0.3");
      String hops =
          String.join(", ", java.util.Collections.nCopies(200, "10.0.0.7")) + ", 10.0.0.8";
      assertThat(behindCaddy.ip(from("127.0.0.1", "203.0.113.9, " + hops)))
          .isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyThatSaysNothingIsTheClient() {
      assertThat(behindCaddy.ip(from("127.0.0.1"))).isEqualTo("127.0.0.1");
      assertThat(behindCaddy.ip(from("127.0.0.1", " , "))).isEqualTo("127.0.0.1");
    }

    @Test
    void noHopLeftOfOneThatIsNoAddressIsBelieved() {
      assertThat(behindCaddy.ip(from("127.0.0.1", "unknown"))).isEqualTo("127.0.0.1");
      assertThat(behindCaddy.ip(from("127.0.0.1", "203.0.113.9, <script>, 10.0.0.1")))
          .isEqualTo("10.0.0.1");
    }

    @Test
    void trimsWhitespaceAndTakesIpv6WithItsZoneAndBracketsLeftOut() {
      assertThat(behindCaddy.ip(from("127.0.0.1", " \t203.0.113.9 \t"))).isEqualTo("203.0.113.9");
      assertThat(behindCaddy.ip(from("127.0.0.1", "fe80::1%eth0"))).isEqualTo("fe80::1");
      assertThat(behindCaddy.ip(from("127.0.0.1", "[2001:DB8:0:0:0:0:0:7]")))
          .isEqualTo("2001:db8::7");
      assertThat(behindCaddy.ip(from("127.0.0.1", "::ffff:203.0.113.9")))
          .as("an IPv4-mapped address is the IPv4 address")
          .isEqualTo("203.0.113.9");
    }
  }

  /** A service: behind the gateway, which replaced X-Forwarded-For with the address it resolved. */
  @Nested
  class BehindTheGateway {

    private final ClientOrigins service = new ClientAutoConfiguration().clientOrigins(defaults());

    @Test
    void trustsTheLoopbackGatewayByDefault() {
      assertThat(defaults().trustedProxies()).containsExactly("127.0.0.1/32", "::1/128");
    }

    @Test
    void takesTheAddressTheGatewayWrote() {
      assertThat(service.ip(from("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
      assertThat(service.ip(from("::1", "2001:db8::7"))).isEqualTo("2001:db8::7");
    }

    @Test
    void aClientOnTheGatewaysHostIsTheGatewaysHost() {
      assertThat(service.ip(from("127.0.0.1", "127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void believesNoOneButTheGateway() {
      assertThat(service.ip(from("198.51.100.4", "203.0.113.7"))).isEqualTo("198.51.100.4");
    }

    @Test
    void thePeerWhenTheGatewayWroteNothingUsable() {
      assertThat(service.ip(from("127.0.0.1"))).isEqualTo("127.0.0.1");
      assertThat(service.ip(from("127.0.0.1", "<script>alert(1)</script>"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aLinkLocalPeerIsRecordedWithoutItsZone() {
      ClientOrigins untrusting = new ClientOrigins(TrustedProxies.none());
      MockServerHttpRequest request =
          MockServerHttpRequest.get("/")
              .remoteAddress(new InetSocketAddress(ipv6WithScope(), 40000))
              .build();

      assertThat(untrusting.ip(request)).isEqualTo("fe80::1");
    }
  }

  /**
   * Neither a name nor an ambiguous number is ever looked up: Java would resolve {@code localhost}
   * and read {@code 127.1} as 127.0.0.1, both trusted proxies here, which would make the address to
   * their left believed.
   */
  @Test
  void neverResolvesANameNorThrowsOnWhatAClientWrites() {
    ClientOrigins origins = new ClientOrigins(TrustedProxies.of(List.of("127.0.0.0/8")));
    for (String hop :
        List.of(
            "localhost",
            "127.1",
            "0x7f.0.0.1",
            "0177.0.0.1",
            "999.1.1.1",
            "example.com",
            "1:2:3",
            "dead.beef",
            "cafe",
            "::ffff:999.1.1.1",
            "[::1",
            "%",
            "1.2.3.4:5678",
            "\u0000",
            "x".repeat(10_000))) {
      assertThat(origins.ip(from("127.0.0.1", "203.0.113.9, " + hop)))
          .as("hop %s", hop)
          .isEqualTo("127.0.0.1");
    }
  }

  @Test
  void noPeerMeansNoAddressNeverAPlaceholder() {
    ClientOrigins origins = new ClientOrigins(TrustedProxies.none());

    assertThat(origins.ip(MockServerHttpRequest.get("/").build())).isNull();
    assertThat(origins.of(MockServerHttpRequest.get("/").build())).isEqualTo(Client.UNKNOWN);
  }

  @Test
  void theClientCarriesTheUserAgentCutAndAbsentAsNull() {
    ClientOrigins origins = new ClientOrigins(TrustedProxies.none());
    String agent = "x".repeat(Client.MAX_USER_AGENT - 1) + "\uD83D\uDE00tail";

    assertThat(origins.of(request("127.0.0.1").header("User-Agent", agent).build()))
        .isEqualTo(new Client("127.0.0.1", "x".repeat(Client.MAX_USER_AGENT - 1)));
    assertThat(origins.of(request("127.0.0.1").header("User-Agent", "  ").build()).userAgent())
        .isNull();
  }

  /** As a service without {@code moveacces.client.*} binds them. */
  private static ClientProperties defaults() {
    return new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("moveacces.client", ClientProperties.class);
  }

  private static java.net.InetAddress ipv6WithScope() {
    try {
      return java.net.Inet6Address.getByAddress(
          null, java.net.InetAddress.getByName("fe80::1").getAddress(), 2);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static MockServerHttpRequest.BaseBuilder<?> request(String peer) {
    return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000));
  }

  private static MockServerHttpRequest from(String peer, String... forwardedFor) {
    MockServerHttpRequest.BaseBuilder<?> request = request(peer);
    for (String value : forwardedFor) {
      request.header(ClientOrigins.X_FORWARDED_FOR, value);
    }
    return request.build();
  }
}
