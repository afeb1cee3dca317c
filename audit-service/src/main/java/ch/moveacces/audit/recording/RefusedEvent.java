package ch.moveacces.audit.recording;

/**
 * A valid event that the audit table refuses for its own values (one longer than its column, a
 * violated constraint): every further try would be refused alike, so it goes to the dead-letter
 * topic at once.
 */
class RefusedEvent extends RuntimeException {

  RefusedEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
