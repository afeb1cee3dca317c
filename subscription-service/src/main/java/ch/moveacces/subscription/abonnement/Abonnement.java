package ch.moveacces.subscription.abonnement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code abonnement} as this service uses it ({@code abo_notes} is left out). */
public record Abonnement(
    long id,
    long userId,
    AbonnementState state,
    String name,
    LocalDate dateStart,
    @Nullable LocalDate dateStop,
    BigDecimal price,
    BigDecimal discount,
    String currency,
    boolean autoRenew,
    Instant createdAt,
    Instant updatedAt) {}
