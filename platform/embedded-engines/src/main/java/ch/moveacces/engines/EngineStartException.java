package ch.moveacces.engines;

/** An embedded engine could not be started; the message says which and what to check. */
public class EngineStartException extends RuntimeException {

  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
