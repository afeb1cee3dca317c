package ch.moveacces.platform.token;

import ch.moveacces.platform.defaults.problem.ProblemAutoConfiguration;
import ch.moveacces.platform.defaults.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The security chain of a service: stateless, bearer tokens only (so no CSRF), {@code /actuator/**}
 * and the configured public paths open, everything else needs a valid access token; 401 and 403 as
 * problems. A service with other needs declares its own {@link SecurityWebFilterChain}.
 */
@AutoConfiguration(
    after = {TokenVerificationAutoConfiguration.class, ProblemAutoConfiguration.class},
    beforeName = {
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
public class TokenSecurityAutoConfiguration {

  /** Actuators are served on each service's own port and never routed by the gateway. */
  static final String ACTUATOR = "/actuator/**";

  @Bean
  @ConditionalOnMissingBean(SecurityWebFilterChain.class)
  SecurityWebFilterChain accessTokenSecurityChain(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      TokenProperties properties,
      ObjectProvider<PublicPaths> publicPaths,
      ObjectProvider<AuthorizationRules> rules,
      Problems problems,
      ServerCodecConfigurer codecs) {
    ProblemWriter writer = new ProblemWriter(problems, codecs);
    ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer);
    ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(writer);
    List<String> open = new ArrayList<>(List.of(ACTUATOR));
    open.addAll(properties.publicPaths());
    publicPaths.orderedStream().forEach(paths -> open.addAll(paths.patterns()));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        // Response security headers are the gateway's, set once for every route.
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .authorizeExchange(
            exchanges -> {
              exchanges.pathMatchers(open.toArray(String[]::new)).permitAll();
              rules.orderedStream().forEach(rule -> rule.apply(exchanges));
              exchanges.anyExchange().authenticated();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new RolesAuthenticationConverter()))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .build();
  }
}
