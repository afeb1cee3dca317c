package ch.moveacces.auth.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Where a request comes from, for the session list. {@code X-Forwarded-For} is believed only when
 * the direct peer is a trusted proxy (the gateway), and then only its first entry.
 */
@Component
public class ClientInfo {

  private static final int MAX_USER_AGENT = 255;
  // What an IPv4 or IPv6 literal may be made of; anything else in the header is not an address.
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final List<InetAddress> trustedProxies;

  public ClientInfo(SessionProperties properties) {
    this.trustedProxies = properties.trustedProxies().stream().map(ClientInfo::literal).toList();
  }

  public String ip(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    InetAddress peer = remote == null ? null : remote.getAddress();
    String peerIp = peer == null ? "unknown" : peer.getHostAddress();
    String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
    if (peer == null || forwarded == null || !trustedProxies.contains(peer)) {
      return peerIp;
    }
    String first = forwarded.split(",", 2)[0].strip();
    return IP_LITERAL.matcher(first).matches() ? first : peerIp;
  }

  public String userAgent(ServerHttpRequest request) {
    String agent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
    if (agent == null) {
      return "";
    }
    return agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent;
  }

  private static InetAddress literal(String address) {
    try {
      // an IP literal: no name lookup happens
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address: " + address, e);
    }
  }
}
