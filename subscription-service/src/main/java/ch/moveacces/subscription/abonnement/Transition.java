package ch.moveacces.subscription.abonnement;

import static ch.moveacces.subscription.abonnement.AbonnementState.ACTIVE;
import static ch.moveacces.subscription.abonnement.AbonnementState.CANCELED;
import static ch.moveacces.subscription.abonnement.AbonnementState.EXPIRED;
import static ch.moveacces.subscription.abonnement.AbonnementState.PAUSED;
import static ch.moveacces.subscription.abonnement.AbonnementState.PENDING;

import ch.moveacces.platform.events.EventType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The only ways an abonnement changes state. Expired and canceled are final; nothing leads back to
 * pending.
 */
public enum Transition {
  /** An administrator starts a pending abonnement. */
  ACTIVATE(EnumSet.of(PENDING), ACTIVE, EventType.ABONNEMENT_ACTIVATED, "activated"),
  PAUSE(EnumSet.of(ACTIVE), PAUSED, EventType.ABONNEMENT_PAUSED, "paused"),
  RESUME(EnumSet.of(PAUSED), ACTIVE, EventType.ABONNEMENT_RESUMED, "resumed"),
  CANCEL(EnumSet.of(PENDING, ACTIVE, PAUSED), CANCELED, EventType.ABONNEMENT_CANCELED, "canceled"),
  /** By time only: the expiry job, once the stop date has passed. */
  EXPIRE(EnumSet.of(ACTIVE, PAUSED), EXPIRED, EventType.ABONNEMENT_EXPIRED, "expired");

  private final Set<AbonnementState> from;
  private final AbonnementState to;
  private final EventType event;
  private final String participle;

  Transition(Set<AbonnementState> from, AbonnementState to, EventType event, String participle) {
    this.from = from;
    this.to = to;
    this.event = event;
    this.participle = participle;
  }

  public boolean allowedFrom(AbonnementState state) {
    return from.contains(state);
  }

  public Set<AbonnementState> from() {
    return EnumSet.copyOf(from);
  }

  public AbonnementState to() {
    return to;
  }

  public EventType event() {
    return event;
  }

  /** As in "cannot be paused". */
  public String participle() {
    return participle;
  }

  /** The verb as in the request path, e.g. {@code pause}. */
  public String verb() {
    return name().toLowerCase(Locale.ROOT);
  }
}
