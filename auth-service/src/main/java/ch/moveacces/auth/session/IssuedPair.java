package ch.moveacces.auth.session;

/** An access token and the refresh token issued with it. */
public record IssuedPair(String accessToken, String refreshToken) {

  @Override
  public String toString() {
    return "IssuedPair[***]";
  }
}
