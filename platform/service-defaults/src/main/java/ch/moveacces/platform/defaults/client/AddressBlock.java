package ch.moveacces.platform.defaults.client;

import java.net.InetAddress;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a block of one.
 * An IPv4 block never contains an IPv6 address, nor the other way round.
 */
record AddressBlock(byte[] network, int prefixLength) {

  /** Refuses, at start-up, what is not a literal block: a host name would mean a DNS lookup. */
  static AddressBlock parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] network =
        IpLiterals.parse(address)
            .orElseThrow(() -> new IllegalArgumentException("Not an IP address block: " + cidr))
            .getAddress();
    int prefix = network.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Not an IP address block: " + cidr, e);
      }
    }
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("Prefix length out of range: " + cidr);
    }
    return new AddressBlock(network, prefix);
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
}
