package ch.moveacces.audit;

import static ch.moveacces.platform.token.testing.AccessTokens.claimsFor;
import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.sign;

import ch.moveacces.platform.token.testing.JwkSetServer;
import com.nimbusds.jose.jwk.ECKey;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;

/** Access tokens with the roles a test needs, verified against a JWK set served for the tests. */
public final class Tokens {

  private static final ECKey KEY = newKey("audit-it-key");
  private static final JwkSetServer JWKS = JwkSetServer.start(KEY);

  private Tokens() {}

  /** Headers of a request by user 7 holding these roles. */
  public static Consumer<HttpHeaders> withRoles(String... roles) {
    String token = sign(claimsFor("7").claim("roles", List.of(roles)).build(), KEY);
    return headers -> headers.setBearerAuth(token);
  }

  public static Consumer<HttpHeaders> auditor() {
    return withRoles("AUDITOR");
  }

  /** Points the application at the tests' JWK set. */
  public static final class Keys
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "audit-test-tokens",
                  Map.of("moveacces.tokens.jwk-set-uri", JWKS.uri().toString())));
    }
  }
}
