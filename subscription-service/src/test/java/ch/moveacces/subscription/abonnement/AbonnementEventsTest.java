package ch.moveacces.subscription.abonnement;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.payload.EventPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AbonnementEventsTest {

  private static final EventSchemas SCHEMAS = EventSchemas.load();

  @ParameterizedTest
  @EnumSource(Transition.class)
  void eachTransitionWritesAnEventOfItsTypeThatItsSchemaAccepts(Transition transition) {
    for (AbonnementState from : transition.from()) {
      EventPayload payload = AbonnementEvents.payload(abonnement(from), transition);

      assertThat(payload.eventType()).isEqualTo(transition.event());
      EventEnvelope event =
          EventEnvelope.builder(payload).source("subscription-service").user(42).build();
      assertThat(SCHEMAS.validate(event)).as("%s from %s", transition, from).isEmpty();
    }
  }

  private static Abonnement abonnement(AbonnementState state) {
    return new Abonnement(
        17,
        42,
        state,
        "Move Annuel",
        LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-12-31"),
        new BigDecimal("590.00"),
        BigDecimal.ZERO,
        "CHF",
        true,
        Instant.EPOCH,
        Instant.EPOCH);
  }
}
