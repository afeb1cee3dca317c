package ch.moveacces.gateway.clientip;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves the client's address ({@link ClientOrigins}: the peer, or behind the proxies in {@code
 * moveacces.client.trusted-proxies} the rightmost forwarded address that is none of them) for the
 * rate limits, and tells the service behind in {@code X-Forwarded-For}, replacing whatever the
 * client sent there: the services, which trust the gateway, read exactly that address.
 */
@Component
public class ClientIpGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -500;
  static final String ATTRIBUTE = ClientIpGatewayFilterFactory.class.getName() + ".clientIp";
  static final String UNKNOWN = "unknown";

  private final ClientOrigins clientOrigins;

  public ClientIpGatewayFilterFactory(ClientOrigins clientOrigins) {
    super(Object.class);
    this.clientOrigins = clientOrigins;
  }

  /** The address resolved for this exchange, {@code unknown} without a peer address. */
  public static String clientIp(ServerWebExchange exchange) {
    String ip = exchange.getAttribute(ATTRIBUTE);
    return ip != null ? ip : UNKNOWN;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(
        (exchange, chain) -> {
          ServerHttpRequest request = exchange.getRequest();
          InetSocketAddress peer = request.getRemoteAddress();
          @Nullable String ip =
              clientOrigins.ip(
                  peer == null ? null : peer.getAddress(),
                  request.getHeaders().get(ClientOrigins.X_FORWARDED_FOR));
          if (ip != null) {
            exchange.getAttributes().put(ATTRIBUTE, ip);
          }
          ServerHttpRequest forwarded =
              request
                  .mutate()
                  .headers(
                      headers -> {
                        if (ip != null) {
                          headers.set(ClientOrigins.X_FORWARDED_FOR, ip);
                        } else {
                          headers.remove(ClientOrigins.X_FORWARDED_FOR);
                        }
                        headers.remove("Forwarded");
                        headers.remove("X-Real-IP");
                      })
                  .build();
          return chain.filter(exchange.mutate().request(forwarded).build());
        },
        ORDER);
  }
}
