package ch.moveacces.platform.token;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * More rules for the default security chain, applied after its public paths and before "every other
 * exchange needs a valid token", e.g. {@code rules -> rules.pathMatchers("/audit/**")
 * .hasRole("AUDITOR")}.
 */
@FunctionalInterface
public interface AuthorizationRules {

  void apply(AuthorizeExchangeSpec rules);
}
