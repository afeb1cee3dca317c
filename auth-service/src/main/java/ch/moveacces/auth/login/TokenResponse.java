package ch.moveacces.auth.login;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What login and refresh answer (RFC 6749 names, plus the session id). */
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn,
    @JsonProperty("session_id") String sessionId) {

  /** Spring logs encoded bodies at debug level: never the tokens. */
  @Override
  public String toString() {
    return "TokenResponse[access_token=***, refresh_token=***, session_id=" + sessionId + "]";
  }
}
