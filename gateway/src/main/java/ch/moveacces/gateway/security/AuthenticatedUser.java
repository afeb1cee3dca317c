package ch.moveacces.gateway.security;

import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/** Who sent a request whose access token the gateway verified: the token's subject. */
public final class AuthenticatedUser {

  static final String ATTRIBUTE = AuthenticatedUser.class.getName() + ".subject";

  private AuthenticatedUser() {}

  /** The user id of a verified token, empty on public endpoints. */
  public static Optional<String> of(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }
}
