package ch.moveacces.gateway.headers;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The browser origins the web app is served from ({@code APP_ORIGINS}), exactly as browsers send
 * them: the only ones CORS lets call the API, with credentials. auth-service reads the same key for
 * its refresh cookie's CSRF check.
 */
@Validated
@ConfigurationProperties(AppOrigins.PREFIX)
record AppOrigins(@NotNull List<String> appOrigins) {

  static final String PREFIX = "moveacces";
}
