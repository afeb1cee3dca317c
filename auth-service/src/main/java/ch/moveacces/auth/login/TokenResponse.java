package ch.moveacces.auth.login;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What login and refresh answer (RFC 6749 names, plus the session id). The web app's answer has no
 * {@code refresh_token}: its token travels in {@link RefreshCookie}.
 */
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable String refreshToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn,
    @JsonProperty("session_id") String sessionId) {

  TokenResponse withoutRefreshToken() {
    return new TokenResponse(accessToken, null, tokenType, expiresIn, refreshExpiresIn, sessionId);
  }

  /** Spring logs encoded bodies at debug level: never the tokens. */
  @Override
  public String toString() {
    return "TokenResponse[access_token=***, refresh_token=***, session_id=" + sessionId + "]";
  }
}
