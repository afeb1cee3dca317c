package ch.moveacces.gateway.headers;

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
 * answered here, never routed.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration {

  static final List<String> EXPOSED =
      List.of("ETag", "Location", "X-Trace-Id", "Retry-After", "RateLimit", "RateLimit-Policy");

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 2)
  CorsWebFilter corsWebFilter(CorsProperties properties) {
    org.springframework.web.cors.CorsConfiguration cors =
        new org.springframework.web.cors.CorsConfiguration();
    cors.setAllowedOrigins(properties.allowedOrigins().stream().filter(o -> !o.isBlank()).toList());
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match"));
    cors.setExposedHeaders(EXPOSED);
    // Bearer tokens, no cookies: credentials mode is never needed.
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return new CorsWebFilter(source);
  }
}
