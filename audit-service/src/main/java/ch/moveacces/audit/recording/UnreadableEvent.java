package ch.moveacces.audit.recording;

import org.jspecify.annotations.Nullable;

/**
 * A record that is no event of a known type: retrying cannot help, so it goes to the dead-letter
 * topic at once.
 */
class UnreadableEvent extends RuntimeException {

  UnreadableEvent(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
