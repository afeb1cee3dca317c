package ch.moveacces.subscription;

import static ch.moveacces.platform.token.testing.AccessTokens.claimsFor;
import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.sign;

import com.nimbusds.jose.jwk.ECKey;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/** Access tokens as auth-service issues them, for members and administrators. */
public final class Tokens {

  static final ECKey KEY = newKey("subscription-it-key");

  private Tokens() {}

  /** The headers of a request by this member (role USER). */
  public static Consumer<HttpHeaders> member(long userId) {
    return withRoles(userId, "USER");
  }

  public static Consumer<HttpHeaders> administrator(long userId) {
    return withRoles(userId, "USER", "ADMIN");
  }

  public static Consumer<HttpHeaders> withRoles(long userId, String... roles) {
    String token =
        sign(claimsFor(Long.toString(userId)).claim("roles", List.of(roles)).build(), KEY);
    return headers -> headers.setBearerAuth(token);
  }
}
