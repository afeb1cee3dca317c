package ch.moveacces.subscription;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.token.testing.JwkSetServer;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the test engines, verifying tokens signed with {@link Tokens}' key. Every
 * integration test extends it, so that they all share one cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithDatabase(ServiceAccount.SUBSCRIPTION)
@WithKafka
public abstract class RunningService {

  private static final JwkSetServer JWKS = JwkSetServer.start(Tokens.KEY);

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("moveacces.tokens.jwk-set-uri", () -> JWKS.uri().toString());
  }
}
