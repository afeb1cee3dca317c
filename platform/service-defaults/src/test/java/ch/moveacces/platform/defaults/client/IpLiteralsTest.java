package ch.moveacces.platform.defaults.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpLiteralsTest {

  @Test
  void readsFullLiteralsOnly() {
    assertThat(IpLiterals.parse("203.0.113.7")).isPresent();
    assertThat(IpLiterals.parse("2001:db8::7")).isPresent();
    assertThat(IpLiterals.parse("::1")).isPresent();
    assertThat(IpLiterals.parse("1.2")).isEmpty();
    assertThat(IpLiterals.parse("01.2.3.4")).isEmpty();
    assertThat(IpLiterals.parse("999.1.1.1")).isEmpty();
    assertThat(IpLiterals.parse("1:2:3")).isEmpty();
    assertThat(IpLiterals.parse("example.com")).isEmpty();
    assertThat(IpLiterals.parse("")).isEmpty();
  }

  @Test
  void writesIpv6InItsShortForm() {
    assertThat(format("2001:DB8:0:0:0:0:0:7")).isEqualTo("2001:db8::7");
    assertThat(format("::1")).isEqualTo("::1");
    assertThat(format("::")).isEqualTo("::");
    assertThat(format("fe80::")).isEqualTo("fe80::");
    assertThat(format("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
    assertThat(format("2001:0:0:1:0:0:1:1"))
        .as("the first of equal runs")
        .isEqualTo("2001::1:0:0:1:1");
    assertThat(format("2001:db8:0:1:1:1:1:1"))
        .as("a single zero group stays")
        .isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(format("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
  }

  private static String format(String literal) {
    InetAddress address = IpLiterals.parse(literal).orElseThrow();
    return IpLiterals.format(address);
  }
}
