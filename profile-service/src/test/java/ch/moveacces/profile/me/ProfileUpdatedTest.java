package ch.moveacces.profile.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileUpdatedTest {

  private static final EventSchemas SCHEMAS = EventSchemas.load();

  @Test
  void buildsAnEventTheContractAccepts() {
    EventEnvelope event =
        ProfileUpdated.event(
                42,
                List.of("npa", "localite"),
                new Client("203.0.113.7", "MoveAcces/2.4 (iOS 18.1)"))
            .source("profile-service")
            .build();

    SCHEMAS.check(EventJson.write(event));
    assertThat(event.type()).isEqualTo(EventType.PROFILE_UPDATED.type());
    assertThat(event.subject()).isEqualTo("42");
    assertThat(event.actor()).isEqualTo(Actor.member(42));
    assertThat(event.data())
        .containsEntry("changed_fields", List.of("npa", "localite"))
        .containsEntry("client_ip", "203.0.113.7")
        .containsEntry("user_agent", "MoveAcces/2.4 (iOS 18.1)");
  }

  @Test
  void leavesOutAnOriginThatIsNotKnown() {
    EventEnvelope event =
        ProfileUpdated.event(42, List.of("tel"), new Client(null, null))
            .source("profile-service")
            .build();

    SCHEMAS.check(EventJson.write(event));
    assertThat(event.data()).containsOnlyKeys("changed_fields");
  }

  @Test
  void refusesAnUpdateThatChangesNothing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProfileUpdated.event(42, List.of(), new Client(null, null)));
  }
}
