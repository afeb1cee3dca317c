package ch.moveacces.auth.session;

import ch.moveacces.auth.event.Client;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Where a request comes from, for the session list and the events. {@code X-Forwarded-For} is
 * believed only when the direct peer is a trusted proxy (the gateway), and then only its first
 * entry. What is not known is null, never a placeholder.
 */
@Component
public class ClientInfo {

  private static final int MAX_USER_AGENT = 255;
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  // What an IPv6 literal may be made of (an embedded IPv4 included); parsed further below.
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final List<InetAddress> trustedProxies;

  public ClientInfo(SessionProperties properties) {
    this.trustedProxies =
        properties.trustedProxies().stream()
            .map(address -> literal(address).orElseThrow(() -> notAnAddress(address)))
            .toList();
  }

  public Client of(ServerHttpRequest request) {
    return new Client(ip(request), userAgent(request));
  }

  public @Nullable String ip(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    InetAddress peer = remote == null ? null : remote.getAddress();
    if (peer == null) {
      return null;
    }
    String peerIp = withoutScope(peer.getHostAddress());
    String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
    if (forwarded == null || !trustedProxies.contains(peer)) {
      return peerIp;
    }
    String first = forwarded.split(",", 2)[0].strip();
    return literal(first).isPresent() ? first : peerIp;
  }

  public @Nullable String userAgent(ServerHttpRequest request) {
    String agent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
    if (agent == null || agent.isBlank()) {
      return null;
    }
    if (agent.length() <= MAX_USER_AGENT) {
      return agent;
    }
    // never half a surrogate pair at the cut
    int end =
        Character.isHighSurrogate(agent.charAt(MAX_USER_AGENT - 1))
            ? MAX_USER_AGENT - 1
            : MAX_USER_AGENT;
    return agent.substring(0, end);
  }

  /**
   * The address an IPv4 or IPv6 literal names; empty for anything else. Never a name lookup: IPv4
   * must be a dotted quad (Java would also read "1.2" as one), IPv6 goes in brackets, which makes
   * Java refuse rather than resolve what does not parse.
   */
  private static Optional<InetAddress> literal(String text) {
    try {
      if (IPV4.matcher(text).matches()) {
        return Optional.of(InetAddress.getByName(text));
      }
      if (text.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(text).matches()) {
        InetAddress address = InetAddress.getByName("[" + text + "]");
        return Optional.of(address);
      }
    } catch (UnknownHostException e) {
      // not a literal after all
    }
    return Optional.empty();
  }

  /** Link-local peers come with a zone ({@code fe80::1%eth0}), which is no part of the address. */
  private static String withoutScope(String address) {
    int zone = address.indexOf('%');
    return zone < 0 ? address : address.substring(0, zone);
  }

  private static IllegalArgumentException notAnAddress(String address) {
    return new IllegalArgumentException("Not an IP address: " + address);
  }
}
