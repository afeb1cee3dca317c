package ch.moveacces.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.moveacces.platform.events.payload.LoginFailed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventPayloadsTest {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void the_record_of_each_type_is_the_one_its_producers_build(EventType type) {
    assertThat(EventPayloads.recordOf(type)).isEqualTo(SampleEvents.payload(type).getClass());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void a_consumer_reads_back_the_payload_a_producer_wrote(EventType type) {
    EventEnvelope written = SampleEvents.anEvent(type).build();

    EventEnvelope read = EventJson.read(EventJson.write(written));

    assertThat(read.payload()).isEqualTo(SampleEvents.payload(type));
  }

  @Test
  void the_client_fields_are_no_part_of_the_payload() {
    EventEnvelope event =
        SampleEvents.withData(
            EventType.LOGIN_FAILED,
            Map.of("reason", "unknown_email", EventEnvelope.CLIENT_IP, "192.0.2.1"));

    assertThat(event.payload()).isEqualTo(new LoginFailed(LoginFailed.Reason.UNKNOWN_EMAIL));
  }

  @Test
  void data_without_a_required_field_is_refused() {
    EventEnvelope event = SampleEvents.withData(EventType.LOGIN_FAILED, Map.of());

    assertThatIllegalArgumentException()
        .isThrownBy(event::payload)
        .withMessageContaining("LoginFailed");
  }

  @Test
  void a_reason_the_schema_does_not_know_is_refused() {
    EventEnvelope event = SampleEvents.withData(EventType.LOGIN_FAILED, Map.of("reason", "bored"));

    assertThatIllegalArgumentException().isThrownBy(event::payload);
  }
}
