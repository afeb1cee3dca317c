package ch.moveacces.auth.login;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The browser origins the web app is served from ({@code APP_ORIGINS}), exactly as browsers send
 * them: the same key and list as the gateway's CORS allowlist.
 */
@ConfigurationProperties("moveacces")
record AppOrigins(List<String> appOrigins) {

  AppOrigins {
    appOrigins =
        appOrigins == null
            ? List.of()
            : appOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
  }
}
