package ch.moveacces.platform.token;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The web app's refresh token, as auth-service sets it and the gateway masks it in logs: held by
 * the browser where page script cannot read it ({@code HttpOnly}), sent over TLS only ({@code
 * Secure}), on same-site requests only ({@code SameSite=Strict}) and only to {@code /auth}, for as
 * long as its session may live. Native clients never get it: they keep the token in the JSON body.
 */
public final class RefreshCookie {

  public static final String NAME = "moveacces_refresh";
  public static final String PATH = "/auth";
  public static final String SAME_SITE = "Strict";
  public static final boolean HTTP_ONLY = true;
  public static final boolean SECURE = true;

  private RefreshCookie() {}

  /**
   * The {@code Set-Cookie} of a token whose session lives {@code lifetime} more: the cookie's
   * {@code Max-Age}, so that the browser drops it when the session could no longer be refreshed.
   */
  public static ResponseCookie of(String refreshToken, Duration lifetime) {
    return builder(refreshToken).maxAge(lifetime).build();
  }

  /** The {@code Set-Cookie} that makes the browser drop it: same name, path and attributes. */
  public static ResponseCookie cleared() {
    return builder("").maxAge(Duration.ZERO).build();
  }

  /** The token a request carries in the cookie, if any. */
  public static Optional<String> from(ServerHttpRequest request) {
    return Optional.ofNullable(request.getCookies().getFirst(NAME))
        .map(HttpCookie::getValue)
        .filter(value -> !value.isBlank());
  }

  /** Whether the request carries the cookie at all, even empty. */
  public static boolean isIn(ServerHttpRequest request) {
    return request.getCookies().containsKey(NAME);
  }

  private static ResponseCookie.ResponseCookieBuilder builder(String value) {
    return ResponseCookie.from(NAME, value)
        .httpOnly(HTTP_ONLY)
        .secure(SECURE)
        .sameSite(SAME_SITE)
        .path(PATH);
  }
}
