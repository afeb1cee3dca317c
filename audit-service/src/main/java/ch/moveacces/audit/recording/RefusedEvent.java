package ch.moveacces.audit.recording;

import java.io.Serial;

/**
 * A valid event that the audit table refuses for its own values (text that is no valid Unicode, a
 * violated constraint; longer values are cut before): every further try would be refused alike, so
 * it goes to the dead-letter topic at once.
 */
class RefusedEvent extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  RefusedEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
