package ch.moveacces.gateway.clientip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpsTest {

  private static InetAddress ip(String literal) {
    return Cidr.InetAddresses.parse(literal);
  }

  private final ClientIps behindCaddy =
      new ClientIps(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.0.0.0/8")));

  @Test
  void ignoresForwardedForFromAPeerThatIsNoTrustedProxy() {
    ClientIps direct = new ClientIps(List.of());

    assertThat(direct.resolve(ip("198.51.100.20"), List.of("1.2.3.4"))).isEqualTo("198.51.100.20");
    assertThat(behindCaddy.resolve(ip("198.51.100.20"), List.of("1.2.3.4")))
        .isEqualTo("198.51.100.20");
  }

  @Test
  void takesTheRightmostAddressThatIsNoTrustedProxy() {
    assertThat(behindCaddy.resolve(ip("127.0.0.1"), List.of("6.6.6.6, 203.0.113.9, 10.1.2.3")))
        .isEqualTo("203.0.113.9");
    assertThat(behindCaddy.resolve(ip("127.0.0.1"), List.of("6.6.6.6", "203.0.113.9")))
        .isEqualTo("203.0.113.9");
  }

  @Test
  void keepsThePeerWhenATrustedProxySaysNothingOrNonsense() {
    assertThat(behindCaddy.resolve(ip("127.0.0.1"), List.of())).isEqualTo("127.0.0.1");
    assertThat(behindCaddy.resolve(ip("127.0.0.1"), List.of("unknown"))).isEqualTo("127.0.0.1");
  }

  @Test
  void matchesAddressBlocksBitByBit() {
    Cidr block = Cidr.parse("192.168.8.0/21");

    assertThat(block.contains(ip("192.168.15.255"))).isTrue();
    assertThat(block.contains(ip("192.168.16.0"))).isFalse();
    assertThat(block.contains(ip("::1"))).isFalse();
    assertThat(Cidr.parse("::1").contains(ip("::1"))).isTrue();
  }

  @Test
  void refusesWhatIsNoAddressBlock() {
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("caddy.internal"));
    assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse("10.0.0.0/33"));
  }
}
