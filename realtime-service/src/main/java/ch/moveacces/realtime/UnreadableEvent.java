package ch.moveacces.realtime;

/** A record that is no event of a known type; retrying cannot help, so it is dead-lettered. */
class UnreadableEvent extends RuntimeException {

  UnreadableEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
