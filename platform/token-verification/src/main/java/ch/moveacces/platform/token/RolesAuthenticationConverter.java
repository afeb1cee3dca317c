package ch.moveacces.platform.token;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * An authentication named after {@code sub}, with one {@code ROLE_<role>} authority per entry of
 * the {@code roles} claim, so that {@code hasRole("AUDITOR")} reads as the token says.
 */
public final class RolesAuthenticationConverter
    implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

  @Override
  public Mono<AbstractAuthenticationToken> convert(Jwt token) {
    List<String> roles = token.getClaimAsStringList(TokenClaims.ROLES);
    List<GrantedAuthority> authorities =
        roles == null
            ? List.of()
            : roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    return Mono.just(new JwtAuthenticationToken(token, authorities, token.getSubject()));
  }
}
