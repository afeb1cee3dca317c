package ch.moveacces.realtime;

import ch.moveacces.platform.defaults.client.AppOrigins;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Which pages may open a socket: the app's ({@link AppOrigins}, {@code moveacces.app-origins}). An
 * upgrade without an {@code Origin} is no browser's and goes on (native apps). Nor is one whose
 * {@code Origin} names the socket's own host: non-browser clients such as Reactor Netty's, and so
 * the gateway's proxy when its client sent none, write that of themselves, and no page is served
 * from here. Sockets are authenticated by their ticket or token all the same; this keeps other
 * sites' pages from using a credential they got hold of.
 */
final class SocketOrigins {

  private final AppOrigins appOrigins;

  SocketOrigins(AppOrigins appOrigins) {
    this.appOrigins = appOrigins;
  }

  boolean allow(ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    String origin = headers.getOrigin();
    return origin == null
        || appOrigins.allow(origin)
        || isOwnHost(origin, headers.getFirst("Host"));
  }

  private static boolean isOwnHost(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null
          && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
