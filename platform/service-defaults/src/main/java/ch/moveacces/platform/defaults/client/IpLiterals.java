package ch.moveacces.platform.defaults.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals as clients and proxies write them, read without ever asking DNS and without
 * ever throwing: {@code InetAddress.getByName} would look up a name such as {@code example.com},
 * and read {@code 999.1.1.1} (not a dotted quad) as one too. So it is asked only about a full
 * dotted quad, or about a string of IPv6 characters, which it parses or refuses but never resolves.
 */
final class IpLiterals {

  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  // The characters of an IPv6 literal (a trailing dotted quad included); the parse decides.
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiterals() {}

  /**
   * The address {@code text} names: a dotted quad or an IPv6 literal, surrounding whitespace,
   * square brackets and an IPv6 zone ({@code fe80::1%eth0}, no part of the address) ignored. Empty
   * for anything else.
   */
  static Optional<InetAddress> parse(String text) {
    String literal = text.strip();
    if (literal.length() > 2 && literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0 && literal.indexOf(':') >= 0) {
      literal = literal.substring(0, zone);
    }
    boolean ipv4 = IPV4.matcher(literal).matches();
    if (!ipv4 && (literal.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(literal).matches())) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The address as text, the same for the same address however it was written: a dotted quad (an
   * IPv4-mapped IPv6 address included), or IPv6 in RFC 5952's short form ({@code 2001:db8::7}),
   * lower case, without a zone.
   */
  static String format(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
    }
    // the longest run of at least two zero groups (the first of equal ones) becomes "::"
    int runStart = -1;
    int runLength = 0;
    for (int i = 0; i < 8; ) {
      int end = i;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - i > runLength && end - i >= 2) {
        runStart = i;
        runLength = end - i;
      }
      i = end == i ? i + 1 : end;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == runStart) {
        text.append("::");
        i += runLength - 1;
        continue;
      }
      if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
