package ch.moveacces.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.audit.Events;
import ch.moveacces.audit.RunningAuditService;
import ch.moveacces.audit.Tokens;
import ch.moveacces.audit.Trail;
import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.platform.events.payload.LoggedOut;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole way, with the recorder's own rows: events read from Kafka are stored byte for byte,
 * signed, verified intact, and still verified after their member is erased; a row altered by the
 * database's root is named.
 */
@RunningAuditService
class RecordedTrailIntegrityIT {

  @Autowired WebTestClient client;
  @Autowired Checkpoints checkpoints;
  @Autowired MemberErasure erasure;

  private final Instant from = Instant.now().minusSeconds(1);

  @Test
  void recordsEnvelopesAsReceivedAndKeepsTheTrailVerifiableThroughAnErasure() throws Exception {
    long member = Events.newUserId();
    List<String> ids = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      EventEnvelope event =
          EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
              .source("auth-service")
              .user(member)
              .actor(Actor.member(member))
              .client("198.51.100.4", "MoveAcces/2.4 (Android 15)")
              .build();
      // spacing and an escaped character that a JSON column would rewrite, kept as sent
      String json =
          EventJson.write(event)
                  .replace("{\"id\"", "{ \"id\" ")
                  .replace("MoveAcces/2.4", "MoveAcc\\u0065s/2.4")
              + "\n";
      Events.publish(Topics.IDENTITY, event.key(), json, null);
      ids.add(event.id().toString());
      sent.add(json);
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ids.stream().allMatch(RecordedTrailIntegrityIT::isRecorded));
    for (int i = 0; i < ids.size(); i++) {
      assertThat(TrailRows.personal(ids.get(i)).get("envelope")).isEqualTo(sent.get(i));
    }
    signEveryChain();
    verify().jsonPath("$.intact").isEqualTo(true);

    assertThat(erasure.erase(member, "account deleted").rowsErased()).isEqualTo(3);
    assertThat(TrailRows.personal(ids.get(0)).get("envelope")).isNull();
    verify().jsonPath("$.intact").isEqualTo(true);

    String typeColumn = "event_type";
    String original = "ch.moveacces.identity.logged-out.v1";
    TrailRows.execute(
        "UPDATE audit_logs SET "
            + typeColumn
            + " = 'ch.moveacces.identity.login-failed.v1'"
            + " WHERE event_id = ?",
        ids.get(1));
    try {
      verify()
          .jsonPath("$.intact")
          .isEqualTo(false)
          .jsonPath("$.first_problem.kind")
          .isEqualTo("altered")
          .jsonPath("$.first_problem.event_id")
          .isEqualTo(ids.get(1));
    } finally {
      TrailRows.execute(
          "UPDATE audit_logs SET " + typeColumn + " = ? WHERE event_id = ?", original, ids.get(1));
    }
    verify().jsonPath("$.intact").isEqualTo(true);
  }

  private static boolean isRecorded(String eventId) {
    return Trail.row(eventId).isPresent();
  }

  private void signEveryChain() throws Exception {
    try (Connection root = TestEngines.adminConnection()) {
      checkpoints.signDue(root, Instant.now().plus(Duration.ofHours(1)));
    }
  }

  private WebTestClient.BodyContentSpec verify() {
    return client
        .get()
        .uri("/audit/verify?from={from}&to={to}", from, Instant.now().plusSeconds(1))
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }
}
