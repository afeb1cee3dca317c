package ch.moveacces.audit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.audit.AuditServiceApplication;
import ch.moveacces.audit.Events;
import ch.moveacces.audit.RunningAuditService;
import ch.moveacces.audit.Trail;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.payload.LoggedOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * {@code replay-dead-letters}, run in-process through the entry point {@code main} uses: a dead
 * letter the consumer once refused (a login event with a 600-character tracestate, which broke its
 * schema) is appended to the chain of its dead-letter partition, flagged; one that is still no
 * event stays, counted; a second run replays nothing twice.
 */
@RunningAuditService
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterReplayIT {

  /** What the replay needs of the test's configuration: its engines and its token keys. */
  private static final List<String> SETTINGS =
      List.of(
          "spring.r2dbc.url",
          "spring.r2dbc.username",
          "spring.r2dbc.password",
          "spring.flyway.url",
          "spring.flyway.user",
          "spring.flyway.password",
          "spring.kafka.bootstrap-servers",
          "moveacces.tokens.jwk-set-uri");

  @Autowired Environment environment;

  @Test
  void movesAParseableDeadLetterIntoTheTrailFlagged(CapturedOutput output) {
    long user = Events.newUserId();
    String tracestate =
        String.join(",", "a=" + "x".repeat(238), "b=" + "y".repeat(238), "c=" + "z".repeat(238));
    EventEnvelope refusedOnce =
        EventEnvelope.builder(new LoggedOut(UUID.randomUUID().toString()))
            .source("auth-service")
            .user(user)
            .trace(Events.newTraceparent(), tracestate)
            .build();
    String key = String.valueOf(user);
    Events.publish(RecordingFailures.DEAD_LETTER_TOPIC, key, EventJson.write(refusedOnce), null);
    Events.publish(RecordingFailures.DEAD_LETTER_TOPIC, key, "still no event", null);

    DeadLetterReplay.Summary first = AuditServiceApplication.replayDeadLetters(arguments());

    Map<String, String> row = Trail.row(refusedOnce.id().toString()).orElseThrow();
    assertThat(row.get("chain")).startsWith(RecordingFailures.DEAD_LETTER_TOPIC + "-");
    assertThat(row)
        .containsEntry("schema_valid", "false")
        .containsEntry("payload", EventJson.write(refusedOnce));
    assertThat(first.replayed()).isGreaterThanOrEqualTo(1);
    assertThat(first.stillUnreadable()).isGreaterThanOrEqualTo(1);
    assertThat(output.getOut()).contains(first.toString());

    DeadLetterReplay.Summary second = AuditServiceApplication.replayDeadLetters(arguments());
    assertThat(second.replayed()).as("dead letters replayed again").isZero();
    assertThat(Trail.rowsOf("event_id", refusedOnce.id().toString())).isEqualTo(1);
  }

  private String[] arguments() {
    List<String> arguments = new ArrayList<>(List.of(DeadLetterReplay.COMMAND));
    for (String setting : SETTINGS) {
      String value = environment.getProperty(setting);
      if (value != null) {
        arguments.add("--" + setting + "=" + value);
      }
    }
    return arguments.toArray(String[]::new);
  }
}
