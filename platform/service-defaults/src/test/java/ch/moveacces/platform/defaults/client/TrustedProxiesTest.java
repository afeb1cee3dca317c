package ch.moveacces.platform.defaults.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  @Test
  void matchesAddressBlocksBitByBit() {
    TrustedProxies proxies = TrustedProxies.of(List.of("192.168.8.0/21", " ::1 ", ""));

    assertThat(proxies.contains(ip("192.168.15.255"))).isTrue();
    assertThat(proxies.contains(ip("192.168.8.0"))).isTrue();
    assertThat(proxies.contains(ip("192.168.16.0"))).isFalse();
    assertThat(proxies.contains(ip("192.168.7.255"))).isFalse();
    assertThat(proxies.contains(ip("::1"))).isTrue();
    assertThat(proxies.contains(ip("::2"))).isFalse();
    assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).contains(ip("::1")))
        .as("an IPv4 block holds no IPv6 address")
        .isFalse();
    assertThat(TrustedProxies.of(List.of("2001:db8::/32")).contains(ip("2001:db8:ffff::1")))
        .isTrue();
  }

  @Test
  void trustsNoOneWhenEmpty() {
    assertThat(TrustedProxies.of(List.of()).contains(ip("127.0.0.1"))).isFalse();
    assertThat(TrustedProxies.none().contains(ip("127.0.0.1"))).isFalse();
  }

  @Test
  void refusesAtStartUpWhatIsNoLiteralAddressBlock() {
    for (String cidr : List.of("caddy.internal", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "1.2/8")) {
      assertThatIllegalArgumentException()
          .as(cidr)
          .isThrownBy(() -> TrustedProxies.of(List.of(cidr)));
    }
  }

  private static InetAddress ip(String literal) {
    return IpLiterals.parse(literal).orElseThrow();
  }
}
