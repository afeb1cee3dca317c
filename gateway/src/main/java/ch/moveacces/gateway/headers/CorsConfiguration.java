package ch.moveacces.gateway.headers;

import ch.moveacces.platform.defaults.client.AppOrigins;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the whole public port, ahead of authentication: a preflight carries no token and is
 * answered here, never routed. Credentials are allowed, for the app origins only: the web app's
 * refresh token is a cookie, which a browser sends cross-origin only in credentials mode. The app
 * origins are {@code moveacces.app-origins} ({@link AppOrigins}), the list auth-service's cookie
 * check and realtime-service's sockets read too.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

  /** The web app's {@code X-Moveacces-Client: web}, which auth-service answers with the cookie. */
  static final String WEB_CLIENT_HEADER = "X-Moveacces-Client";

  static final List<String> EXPOSED =
      List.of("ETag", "Location", "X-Trace-Id", "Retry-After", "RateLimit", "RateLimit-Policy");

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 2)
  CorsWebFilter corsWebFilter(AppOrigins origins) {
    org.springframework.web.cors.CorsConfiguration cors =
        new org.springframework.web.cors.CorsConfiguration();
    cors.setAllowedOrigins(origins.appOrigins());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            "Accept",
            "If-Match",
            "If-None-Match",
            WEB_CLIENT_HEADER));
    cors.setExposedHeaders(EXPOSED);
    cors.setAllowCredentials(true);
    // fails at start-up on a wildcard origin, which must never get credentials
    cors.validateAllowCredentials();
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return new CorsWebFilter(source);
  }
}
