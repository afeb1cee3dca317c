package ch.moveacces.subscription.abonnement;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An abonnement to create, already checked against the rules of the table. */
public record NewAbonnement(
    long userId,
    String name,
    AbonnementState state,
    LocalDate dateStart,
    @Nullable LocalDate dateStop,
    BigDecimal price,
    BigDecimal discount,
    String currency,
    boolean autoRenew) {}
