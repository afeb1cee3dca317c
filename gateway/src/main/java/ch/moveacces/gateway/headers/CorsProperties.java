package ch.moveacces.gateway.headers;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The browser origins allowed to call the API (the mobile PWA's), exactly as they are sent. */
@Validated
@ConfigurationProperties(CorsProperties.PREFIX)
record CorsProperties(@NotNull List<String> allowedOrigins) {

  static final String PREFIX = "moveacces.gateway.cors";
}
