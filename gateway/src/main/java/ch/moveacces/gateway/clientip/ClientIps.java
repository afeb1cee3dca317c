package ch.moveacces.gateway.clientip;

import java.net.InetAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address: the direct peer, unless that peer is a trusted proxy; then the rightmost
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy (what a client writes to
 * the left of it is not believed).
 */
public final class ClientIps {

  static final String ATTRIBUTE = ClientIps.class.getName() + ".clientIp";
  static final String UNKNOWN = "unknown";

  private final List<Cidr> trusted;

  ClientIps(List<Cidr> trusted) {
    this.trusted = trusted;
  }

  /** The address resolved for this exchange by the {@code ClientIp} filter. */
  public static String of(ServerWebExchange exchange) {
    String ip = exchange.getAttribute(ATTRIBUTE);
    return ip != null ? ip : UNKNOWN;
  }

  String resolve(@Nullable InetAddress peer, List<String> forwardedFor) {
    if (peer == null) {
      return UNKNOWN;
    }
    if (!isTrusted(peer)) {
      return peer.getHostAddress();
    }
    String client = peer.getHostAddress();
    List<String> hops =
        forwardedFor.stream()
            .flatMap(value -> List.of(value.split(",")).stream())
            .map(String::trim)
            .filter(hop -> !hop.isEmpty())
            .toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!Cidr.InetAddresses.isLiteral(hop)) {
        return client;
      }
      InetAddress address = Cidr.InetAddresses.parse(hop);
      client = address.getHostAddress();
      if (!isTrusted(address)) {
        return client;
      }
    }
    return client;
  }

  private boolean isTrusted(InetAddress address) {
    return trusted.stream().anyMatch(block -> block.contains(address));
  }
}
