package ch.moveacces.devstack;

import java.net.URI;

/**
 * The app's production Content-Security-Policy: everything from its own origin, and connections to
 * the API's origin too, over HTTP(S) and its WebSocket (realtime-service behind the gateway). No
 * inline script and no style element; inline style attributes only (set from script).
 */
final class ContentSecurityPolicy {

  private ContentSecurityPolicy() {}

  static String forApi(URI apiOrigin) {
    String origin = origin(apiOrigin);
    return "default-src 'self'; script-src 'self'; style-src 'self';"
        + " style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self' "
        + origin
        + " "
        + webSocketForm(origin)
        + "; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self';"
        + " frame-ancestors 'none'";
  }

  /** {@code scheme://host[:port]}, without path or trailing slash. */
  static String origin(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + uri);
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }

  /** {@code ws://} for {@code http://}, {@code wss://} for {@code https://}. */
  static String webSocketForm(String origin) {
    if (origin.startsWith("https://")) {
      return "wss://" + origin.substring("https://".length());
    }
    if (origin.startsWith("http://")) {
      return "ws://" + origin.substring("http://".length());
    }
    throw new IllegalArgumentException("not an http(s) origin: " + origin);
  }
}
