package ch.moveacces.realtime;

import java.io.Serial;

/** A record that is no event of a known type; retrying cannot help, so it is dead-lettered. */
class UnreadableEvent extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  UnreadableEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
