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

  @ParameterizedTest
  @EnumSource(EventType.class)
  void the_fields_of_a_payload_are_its_data_without_the_client(EventType type) {
    EventEnvelope written = SampleEvents.anEvent(type).build();
    Map<String, Object> data = new java.util.LinkedHashMap<>(written.data());
    data.remove(EventEnvelope.CLIENT_IP);
    data.remove(EventEnvelope.USER_AGENT);

    assertThat(EventPayloads.fields(written.payload())).isEqualTo(data);
  }

  @Test
  void an_extra_field_is_no_part_of_the_fields() {
    EventEnvelope event =
        SampleEvents.withData(
            EventType.ABONNEMENT_PAUSED, Map.of("abonnement_id", 17, "abo_price", 49));

    assertThat(EventPayloads.fields(event.payload())).containsOnlyKeys("abonnement_id");
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
