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
  // What an IPv4 or IPv6 literal may be made of; anything else in the header is not an address.
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

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
      if (IP_LITERAL.matcher(first).matches() && isLiteral(first)) {
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
    return stripped.length() > MAX_USER_AGENT ? stripped.substring(0, MAX_USER_AGENT) : stripped;
  }

  private static boolean isLiteral(String candidate) {
    try {
      // only hex digits, dots and colons reach here, so no name lookup can happen
      InetAddress.getByName(candidate);
      return true;
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
