package ch.moveacces.subscription;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.token.testing.JwkSetServer;
import ch.moveacces.testkit.ServiceIT;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the test engines, verifying tokens signed with {@link Tokens}' key. Every
 * integration test extends it, so that they all share one cached application context.
 */
@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.SUBSCRIPTION)
public abstract class RunningService {

  private static final JwkSetServer JWKS = JwkSetServer.start(Tokens.KEY);

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("moveacces.tokens.jwk-set-uri", () -> JWKS.uri().toString());
  }
}
