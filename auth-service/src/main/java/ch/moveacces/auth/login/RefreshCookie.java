package ch.moveacces.auth.login;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The web app's refresh token, held by the browser where page script cannot read it ({@code
 * HttpOnly}), sent over TLS only, on same-site requests only and only to {@code /auth}. Native
 * clients never get it: they keep the token in the JSON body.
 */
final class RefreshCookie {

  static final String NAME = "moveacces_refresh";
  static final String PATH = "/auth";

  private RefreshCookie() {}

  /** The {@code Set-Cookie} of a token that lives {@code lifetime}, as long as its session may. */
  static ResponseCookie of(String refreshToken, Duration lifetime) {
    return builder(refreshToken).maxAge(lifetime).build();
  }

  /** The {@code Set-Cookie} that makes the browser drop it: same name, path and attributes. */
  static ResponseCookie cleared() {
    return builder("").maxAge(Duration.ZERO).build();
  }

  /** The token a request carries in the cookie, if any. */
  static Optional<String> from(ServerHttpRequest request) {
    return Optional.ofNullable(request.getCookies().getFirst(NAME))
        .map(HttpCookie::getValue)
        .filter(value -> !value.isBlank());
  }

  static boolean isIn(ServerHttpRequest request) {
    return request.getCookies().containsKey(NAME);
  }

  private static ResponseCookie.ResponseCookieBuilder builder(String value) {
    return ResponseCookie.from(NAME, value)
        .httpOnly(true)
        .secure(true)
        .sameSite("Strict")
        .path(PATH);
  }
}
