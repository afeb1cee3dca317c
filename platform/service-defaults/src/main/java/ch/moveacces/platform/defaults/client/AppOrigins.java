package ch.moveacces.platform.defaults.client;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;

/**
 * {@code moveacces.app-origins} ({@code APP_ORIGINS}): the browser origins the web app is served
 * from, exactly as browsers send them. The gateway's CORS lets only these call the API with
 * credentials, auth-service lets only these use the refresh cookie, and realtime-service opens
 * sockets for no other page. A wildcard is refused at start-up: credentials never go to any origin.
 */
@ConfigurationProperties("moveacces")
public record AppOrigins(List<String> appOrigins) {

  public AppOrigins {
    appOrigins =
        appOrigins == null
            ? List.of()
            : appOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
    cors(appOrigins).validateAllowCredentials();
  }

  /**
   * Whether a browser's {@code Origin} header names an app origin, by the rules of CORS (a trailing
   * slash and the case of the scheme and host do not matter).
   */
  public boolean allow(@Nullable String origin) {
    return origin != null && cors(appOrigins).checkOrigin(origin) != null;
  }

  /** A CORS configuration allowing these origins, with credentials; the rest is the caller's. */
  public CorsConfiguration cors() {
    return cors(appOrigins);
  }

  private static CorsConfiguration cors(List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowCredentials(true);
    return cors;
  }
}
