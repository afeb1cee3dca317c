package ch.moveacces.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The routed endpoints reachable without an access token, as {@code METHOD /path/pattern}; every
 * other routed request needs one. {@code /health} is the gateway's own and never routed.
 */
@Validated
@ConfigurationProperties(PublicEndpointsProperties.PREFIX)
record PublicEndpointsProperties(@NotNull List<String> publicEndpoints) {

  static final String PREFIX = "moveacces.gateway";
}
