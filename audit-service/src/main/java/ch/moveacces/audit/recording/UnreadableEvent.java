package ch.moveacces.audit.recording;

import java.io.Serial;
import org.jspecify.annotations.Nullable;

/**
 * A record that is no parseable event (see {@link ReceivedEvent}): retrying cannot help, so it goes
 * to the dead-letter topic at once.
 */
class UnreadableEvent extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  UnreadableEvent(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
