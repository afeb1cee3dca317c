package ch.moveacces.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Removes every header by which a client could pretend to be someone: services learn who calls only
 * from the verified token, never from a header a client may have written.
 */
@Component
public class StripIdentityHeadersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -490;

  static final List<String> PREFIXES =
      List.of("x-user-", "x-authenticated-", "x-auth-", "x-forwarded-user", "x-remote-");
  static final List<String> NAMES = List.of("x-user", "remote-user", "x-userinfo", "x-principal");

  public StripIdentityHeadersGatewayFilterFactory() {
    super(Object.class);
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(
        (exchange, chain) -> {
          if (exchange.getRequest().getHeaders().headerNames().stream()
              .noneMatch(StripIdentityHeadersGatewayFilterFactory::isIdentity)) {
            return chain.filter(exchange);
          }
          return chain.filter(
              exchange.mutate().request(request -> request.headers(this::strip)).build());
        },
        ORDER);
  }

  private void strip(HttpHeaders headers) {
    headers.headerNames().stream()
        .filter(StripIdentityHeadersGatewayFilterFactory::isIdentity)
        .toList()
        .forEach(headers::remove);
  }

  static boolean isIdentity(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
  }
}
