package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code login-failed}: why the sign-in was refused. Never a password; for an email that matches no
 * account the subject is the email's hash.
 */
public record LoginFailed(Reason reason) implements EventPayload {

  public LoginFailed {
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public EventType eventType() {
    return EventType.LOGIN_FAILED;
  }

  /** The reasons the schema knows; on the wire in lower case, e.g. {@code wrong_password}. */
  public enum Reason {
    UNKNOWN_EMAIL,
    WRONG_PASSWORD,
    RATE_LIMITED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
