package ch.moveacces.gateway.clientip;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Resolves the client's address (see {@link ClientIps}) for the rate limits and tells the service
 * behind in {@code X-Forwarded-For}, replacing whatever the client sent there.
 */
@Component
public class ClientIpGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -500;
  static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private final ClientIps clientIps;

  public ClientIpGatewayFilterFactory(ClientIpProperties properties) {
    super(Object.class);
    this.clientIps = new ClientIps(properties.trustedBlocks());
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(
        (exchange, chain) -> {
          ServerHttpRequest request = exchange.getRequest();
          InetSocketAddress peer = request.getRemoteAddress();
          List<String> forwardedFor = request.getHeaders().getOrEmpty(X_FORWARDED_FOR);
          String ip = clientIps.resolve(peer == null ? null : peer.getAddress(), forwardedFor);
          exchange.getAttributes().put(ClientIps.ATTRIBUTE, ip);
          ServerHttpRequest forwarded =
              request
                  .mutate()
                  .headers(
                      headers -> {
                        headers.set(X_FORWARDED_FOR, ip);
                        headers.remove("Forwarded");
                        headers.remove("X-Real-IP");
                      })
                  .build();
          return chain.filter(exchange.mutate().request(forwarded).build());
        },
        ORDER);
  }
}
