package ch.moveacces.auth.login;

import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.platform.defaults.client.AppOrigins;
import ch.moveacces.platform.token.RefreshCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Tells the web app's sign-in requests from native and API clients', and keeps other sites from
 * using its refresh cookie. The web app sends {@code X-Moveacces-Client: web}: a header no form or
 * link can send and that makes a browser ask the gateway's CORS first, which only the app origins
 * pass. A browser's {@code Origin}, when there is one, must be an app origin too (checked by the
 * same rules as the gateway's CORS); a request without one is no cross-site browser request.
 */
@Component
class WebApp {

  static final String CLIENT_HEADER = "X-Moveacces-Client";
  static final String WEB = "web";

  private final AppOrigins appOrigins;

  WebApp(AppOrigins appOrigins) {
    this.appOrigins = appOrigins;
  }

  /**
   * Whether the web app sent this request: then the refresh token travels in {@link RefreshCookie}.
   * Refused with 403 {@code csrf-rejected}: the cookie without the header, and a web request from
   * an origin that is not the app's.
   */
  boolean sent(ServerHttpRequest request) {
    boolean web = WEB.equals(request.getHeaders().getFirst(CLIENT_HEADER));
    if (!web) {
      if (RefreshCookie.isIn(request)) {
        throw AuthProblems.csrfRejected();
      }
      return false;
    }
    String origin = request.getHeaders().getOrigin();
    if (origin != null && !appOrigins.allow(origin)) {
      throw AuthProblems.csrfRejected();
    }
    return true;
  }
}
