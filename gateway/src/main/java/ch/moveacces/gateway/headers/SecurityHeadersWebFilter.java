package ch.moveacces.gateway.headers;

import ch.moveacces.gateway.paths.RequestPattern;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response of the public port, errors included. Set at commit, so that
 * they replace whatever a service behind the gateway sent.
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

  static final String HSTS = "max-age=31536000; includeSubDomains";
  static final String CSP = "default-src 'none'; frame-ancestors 'none'";

  /** Swagger UI (development only) is a page: its own scripts, styles and images, nothing else. */
  static final String DOCS_CSP =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

  /**
   * On the decoded path, as routing matches it: {@code /%61uth/login} is routed as an auth path.
   */
  private static final RequestPattern AUTH = RequestPattern.parse("/auth/**");

  private static final List<RequestPattern> DOCS =
      List.of(
          RequestPattern.parse("/docs"),
          RequestPattern.parse("/swagger-ui/**"),
          RequestPattern.parse("/webjars/swagger-ui/**"));

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    boolean auth = AUTH.matches(exchange.getRequest());
    boolean docs = DOCS.stream().anyMatch(pattern -> pattern.matches(exchange.getRequest()));
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              headers.set("Strict-Transport-Security", HSTS);
              headers.set("Content-Security-Policy", docs ? DOCS_CSP : CSP);
              headers.set("X-Content-Type-Options", "nosniff");
              headers.set("Referrer-Policy", "no-referrer");
              if (auth) {
                // Tokens and session lists must never be kept by a browser or shared cache.
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.set(HttpHeaders.PRAGMA, "no-cache");
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
