package ch.moveacces.platform.events;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who made a change: a signed-in user with the role they acted in, or the system itself (a job).
 * Optional on an envelope; the subject stays the member the event is about, also when an
 * administrator or a job acted on their behalf.
 *
 * <p>On the wire it is three CloudEvents extension attributes, {@code actor} ({@code user} or
 * {@code system}), {@code actorid} and {@code actorrole}, because an extension attribute's value is
 * a string or a number, never an object. The id is a string: user ids outgrow CloudEvents' 32-bit
 * integer. The role is the access token's role name in lower case ({@link #MEMBER_ROLE}, {@link
 * #ADMIN_ROLE}): the role the change needed, not every role the user holds.
 *
 * <p>Producers name the actor as follows: a member acting on their own account, profile or
 * abonnements, signing in included, is {@link #member}; an administrator acting on a member's
 * abonnement is {@link #admin}, with the administrator's own id (the subject stays the member); a
 * job is {@link #SYSTEM}. Where nobody authenticated (a failed login, a rotated refresh token
 * presented again, by its owner or by whoever stole it), no actor is named: the event would
 * otherwise claim to know who acted.
 */
public record Actor(Kind kind, @Nullable Long userId, @Nullable String role) {

  /** A change nobody requested, e.g. the expiry job's. */
  public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, null);

  /** The role of a member acting for themselves (the token's {@code USER}). */
  public static final String MEMBER_ROLE = "user";

  /** The role of an administrator acting on a member's data (the token's {@code ADMIN}). */
  public static final String ADMIN_ROLE = "admin";

  public Actor {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.USER && (userId == null || userId < 1 || role == null || role.isBlank())) {
      throw new IllegalArgumentException("A user acts with a positive id and a role");
    }
    if (kind == Kind.SYSTEM && (userId != null || role != null)) {
      throw new IllegalArgumentException("The system acts without a user id or role");
    }
  }

  public static Actor user(long userId, String role) {
    return new Actor(Kind.USER, userId, role);
  }

  /** A member acting for themselves. */
  public static Actor member(long userId) {
    return user(userId, MEMBER_ROLE);
  }

  /** An administrator, by their own user id. */
  public static Actor admin(long userId) {
    return user(userId, ADMIN_ROLE);
  }

  /** The value of the {@code actor} attribute. */
  public enum Kind {
    USER,
    SYSTEM;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String wire) {
      for (Kind kind : values()) {
        if (kind.wire().equals(wire)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("An actor is user or system: " + wire);
    }
  }
}
