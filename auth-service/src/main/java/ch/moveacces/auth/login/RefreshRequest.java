package ch.moveacces.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

record RefreshRequest(@JsonProperty("refresh_token") @Nullable String refreshToken) {

  /** Spring logs decoded bodies at debug level: never the token. */
  @Override
  public String toString() {
    return "RefreshRequest[refresh_token=***]";
  }
}
