package ch.moveacces.subscription.abonnement;

import java.util.Locale;

/** The states of {@code abonnement.abo_state}, stored in lower case. */
public enum AbonnementState {
  PENDING,
  ACTIVE,
  PAUSED,
  EXPIRED,
  CANCELED;

  /** The value in {@code abo_state} and on the wire, e.g. {@code paused}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AbonnementState of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
