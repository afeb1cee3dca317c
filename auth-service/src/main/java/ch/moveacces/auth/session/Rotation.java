package ch.moveacces.auth.session;

/** What presenting a refresh token did to its session. */
public sealed interface Rotation {

  /** The current token: it is rotated, {@code pair} is new. */
  record Rotated(IssuedPair pair) implements Rotation {}

  /**
   * The token just rotated, within the grace window: the pair its rotation issued, once more.
   * Nothing changed.
   */
  record Repeated(IssuedPair pair) implements Rotation {}

  /** An older token: the session has been revoked. */
  record Reused() implements Rotation {}
}
