package ch.moveacces.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesOneDeadLetterTopicPerConsumerGroup() {
    assertThat(Topics.deadLetter("audit-service")).isEqualTo("audit-service.dlt");
  }

  @Test
  void refusesAGroupThatIsNotKebabCase() {
    assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter("Audit Service"));
  }

  @Test
  void versionsEachContextsTopic() {
    assertThat(Topics.ALL)
        .containsExactly("identity.events.v1", "profile.events.v1", "subscription.events.v1");
  }
}
