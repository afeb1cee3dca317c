package ch.moveacces.gateway.clientip;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a /32. */
record Cidr(byte[] network, int prefixLength) {

  static Cidr parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!InetAddresses.isLiteral(address)) {
      throw new IllegalArgumentException("not an IP address block: " + text);
    }
    byte[] network = InetAddresses.parse(address).getAddress();
    int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("prefix length out of range: " + text);
    }
    return new Cidr(network, prefix);
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  /** Literal addresses only: a host name would mean a DNS lookup on every request. */
  static final class InetAddresses {

    private InetAddresses() {}

    static boolean isLiteral(String text) {
      return !text.isEmpty() && (text.indexOf(':') >= 0 || text.matches("[0-9.]+"));
    }

    static InetAddress parse(String literal) {
      try {
        return InetAddress.getByName(literal);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: " + literal, e);
      }
    }
  }
}
