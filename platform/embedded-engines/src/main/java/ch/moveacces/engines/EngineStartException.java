package ch.moveacces.engines;

import java.io.Serial;

/** An embedded engine could not be started; the message says which and what to check. */
public class EngineStartException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
