package ch.moveacces.platform.token;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The keys to verify a token could not be fetched: the client is not at fault (no 401, which would
 * end its session), the request can be retried later.
 */
public class KeysUnavailableException extends ResponseStatusException {

  @Serial private static final long serialVersionUID = 1L;

  public KeysUnavailableException(Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "Access tokens cannot be verified at the moment.", cause);
  }
}
