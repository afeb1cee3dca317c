package ch.moveacces.profile.me;

import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.tokenFor;
import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;
import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.token.testing.JwkSetServer;
import ch.moveacces.testkit.OutboxRows;
import ch.moveacces.testkit.ServiceIT;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code moveacces.outbox.enabled=false}, the configuration that measures what the outbox costs a
 * PATCH: the change is stored, no event is.
 */
@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.PROFILE,
    properties = "moveacces.outbox.enabled=false")
class WithoutOutboxIT {

  private static final ECKey KEY = newKey("profile-without-outbox-it-key");
  private static final JwkSetServer JWKS = JwkSetServer.start(KEY);
  private static final OutboxRows OUTBOX = OutboxRows.of("outbox_profile", ServiceAccount.PROFILE);

  @Autowired WebTestClient client;

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("moveacces.tokens.jwk-set-uri", () -> JWKS.uri().toString());
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @Test
  void changesTheProfileWithoutAppendingAnEvent() {
    long carla = Members.insert("Carla", "Beispiel");

    client
        .patch()
        .uri("/users/me")
        .headers(headers -> headers.setBearerAuth(tokenFor(Long.toString(carla), KEY)))
        .contentType(MediaType.parseMediaType("application/merge-patch+json"))
        .bodyValue("{\"localite\": \"Fribourg\"}")
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(Members.row(carla)).containsEntry("localite", "Fribourg");
    assertThat(OUTBOX.withKey(carla)).isEmpty();
  }
}
