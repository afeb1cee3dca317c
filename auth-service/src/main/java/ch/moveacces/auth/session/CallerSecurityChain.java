package ch.moveacces.auth.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * In place of token-verification's default chain: this service checks tokens where a handler asks
 * for the caller ({@link CallerResolver}), which also checks the session, and most of its endpoints
 * (login, refresh, register, the JWK set) take none. Spring Security only has to stay out of the
 * way: no session, no CSRF token (the refresh cookie is guarded by {@code WebApp}), no headers of
 * its own (the gateway sets them).
 */
@Configuration(proxyBeanMethods = false)
class CallerSecurityChain {

  @Bean
  SecurityWebFilterChain tokensCheckedByCallerResolver(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .build();
  }
}
