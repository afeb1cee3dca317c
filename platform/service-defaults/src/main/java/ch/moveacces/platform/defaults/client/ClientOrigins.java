package ch.moveacces.platform.defaults.client;

import ch.moveacces.platform.events.Client;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a request comes from: the {@link Client} (address and user agent) that sessions and events
 * record. The address is the direct peer's, unless that peer is a trusted proxy: then the rightmost
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy. What a client writes to
 * the left of it is not believed, nor anything left of a hop that is no IP literal (never looked up
 * in DNS). The gateway, trusting Caddy, replaces the header with the one address it resolved; a
 * service behind it, trusting the gateway, so reads exactly that address.
 */
public final class ClientOrigins {

  public static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private final TrustedProxies trustedProxies;

  public ClientOrigins(TrustedProxies trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public Client of(ServerHttpRequest request) {
    return new Client(ip(request), request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
  }

  /** The client's address; null when the request has no peer address (never a placeholder). */
  public @Nullable String ip(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return ip(
        remote == null ? null : remote.getAddress(), request.getHeaders().get(X_FORWARDED_FOR));
  }

  /**
   * The client's address, from the direct {@code peer} and the {@code X-Forwarded-For} header's
   * values (several headers read as one list).
   */
  public @Nullable String ip(@Nullable InetAddress peer, @Nullable List<String> forwardedFor) {
    if (peer == null) {
      return null;
    }
    InetAddress client = peer;
    if (trustedProxies.contains(peer) && forwardedFor != null) {
      List<String> hops =
          forwardedFor.stream().flatMap(value -> List.of(value.split(",")).stream()).toList();
      for (int i = hops.size() - 1; i >= 0 && trustedProxies.contains(client); i--) {
        if (hops.get(i).isBlank()) {
          continue;
        }
        Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
        if (hop.isEmpty()) {
          break;
        }
        client = hop.get();
      }
    }
    return IpLiterals.format(client);
  }
}
