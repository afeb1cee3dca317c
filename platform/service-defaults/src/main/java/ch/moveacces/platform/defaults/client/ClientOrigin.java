package ch.moveacces.platform.defaults.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's IP address and user agent, as recorded with events and sessions. {@code
 * X-Forwarded-For} is believed only when the direct peer is a trusted proxy (the gateway), and then
 * only its first entry, which the gateway itself wrote. Unknown values are null, never a
 * placeholder.
 */
public final class ClientOrigin {

  static final int MAX_USER_AGENT = 255;
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  // The characters of an IPv6 literal (a trailing dotted quad included); the parse decides.
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final List<InetAddress> trustedProxies;

  public ClientOrigin(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies.stream().map(ClientOrigin::literal).toList();
  }

  public @Nullable String ip(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    InetAddress peer = remote == null ? null : remote.getAddress();
    if (peer == null) {
      return null;
    }
    String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
    if (forwarded != null && trustedProxies.contains(peer)) {
      String first = forwarded.split(",", 2)[0].strip();
      if (isIpLiteral(first)) {
        return first;
      }
    }
    return peer.getHostAddress();
  }

  public @Nullable String userAgent(ServerHttpRequest request) {
    String agent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
    if (agent == null || agent.isBlank()) {
      return null;
    }
    String stripped = agent.strip();
    if (stripped.length() <= MAX_USER_AGENT) {
      return stripped;
    }
    // never cut a surrogate pair in two
    int end =
        Character.isHighSurrogate(stripped.charAt(MAX_USER_AGENT - 1))
            ? MAX_USER_AGENT - 1
            : MAX_USER_AGENT;
    return stripped.substring(0, end);
  }

  /**
   * A full dotted quad, or an IPv6 literal. {@code InetAddress} is asked only about strings with a
   * colon, which it parses as IPv6 without ever looking a name up; a dotted string it did not
   * recognise as IPv4 (such as {@code 999.1.1.1}) it would resolve through DNS.
   */
  static boolean isIpLiteral(String candidate) {
    if (IPV4.matcher(candidate).matches()) {
      return true;
    }
    if (candidate.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(candidate).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(candidate) instanceof java.net.Inet6Address
          || candidate.startsWith("::ffff:");
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address: " + address, e);
    }
  }
}
