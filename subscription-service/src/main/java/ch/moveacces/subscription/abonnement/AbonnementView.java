package ch.moveacces.subscription.abonnement;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An abonnement as its member sees it. {@code abo_notes} is never shown: it is the staff's free
 * text about the member, not meant for them.
 */
public record AbonnementView(
    long id,
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

  public static AbonnementView of(Abonnement abonnement) {
    return new AbonnementView(
        abonnement.id(),
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
