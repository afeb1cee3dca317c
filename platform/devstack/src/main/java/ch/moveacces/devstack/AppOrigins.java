package ch.moveacces.devstack;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The origins a browser may load the app from, given to the gateway, auth-service and
 * realtime-service as {@value #VARIABLE} (their {@code moveacces.app-origins}): the devstack's own
 * app server under both of its names, Vite's dev server ({@code npm run dev} in mobile/), and
 * whatever the devstack's own environment adds.
 */
final class AppOrigins {

  static final String VARIABLE = "APP_ORIGINS";

  static final List<String> VITE_DEV_SERVER =
      List.of("http://localhost:5173", "http://127.0.0.1:5173");

  private AppOrigins() {}

  /**
   * {@code app} is the devstack's app server, or null when the app is not built; {@code
   * environment} the devstack's own, whose {@value #VARIABLE} (comma-separated) comes last.
   */
  static List<String> of(URI app, Map<String, String> environment) {
    Set<String> origins = new LinkedHashSet<>();
    if (app != null) {
      origins.add(ContentSecurityPolicy.origin(app));
      origins.add("http://localhost:" + app.getPort());
    }
    origins.addAll(VITE_DEV_SERVER);
    String given = environment.get(VARIABLE);
    if (given != null) {
      for (String origin : given.split(",")) {
        if (!origin.isBlank()) {
          origins.add(origin.strip());
        }
      }
    }
    return List.copyOf(origins);
  }
}
