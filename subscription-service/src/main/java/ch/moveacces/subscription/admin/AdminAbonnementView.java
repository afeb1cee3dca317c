package ch.moveacces.subscription.admin;

import ch.moveacces.subscription.abonnement.Abonnement;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An abonnement as administrators see it: the member's view and whose it is. */
record AdminAbonnementView(
    long id,
    @JsonProperty("user_id") long userId,
    String name,
    String state,
    @JsonProperty("date_start") LocalDate dateStart,
    @JsonProperty("date_stop") @Nullable LocalDate dateStop,
    BigDecimal price,
    BigDecimal discount,
    String currency,
    @JsonProperty("auto_renew") boolean autoRenew,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  static AdminAbonnementView of(Abonnement abonnement) {
    return new AdminAbonnementView(
        abonnement.id(),
        abonnement.userId(),
        abonnement.name(),
        abonnement.state().value(),
        abonnement.dateStart(),
        abonnement.dateStop(),
        abonnement.price(),
        abonnement.discount(),
        abonnement.currency(),
        abonnement.autoRenew(),
        abonnement.createdAt(),
        abonnement.updatedAt());
  }
}
