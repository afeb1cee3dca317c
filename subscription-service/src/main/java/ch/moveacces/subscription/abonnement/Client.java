package ch.moveacces.subscription.abonnement;

import org.jspecify.annotations.Nullable;

/** Where a request came from, for the events it causes; unknown parts are null. */
public record Client(@Nullable String ip, @Nullable String userAgent) {

  /** A change nobody requested (the expiry job). */
  public static final Client NONE = new Client(null, null);
}
