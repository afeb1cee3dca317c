package ch.moveacces.gateway.security;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The routed endpoints reachable without an access token, as {@code METHOD /path/pattern}; every
 * other routed request needs one. {@code /health} is the gateway's own and never routed. On the
 * token-optional endpoints a request without an {@code Authorization} header passes as on a public
 * one, while a token that is sent must be valid like anywhere else.
 */
@Validated
@ConfigurationProperties(PublicEndpointsProperties.PREFIX)
record PublicEndpointsProperties(
    @NotNull List<String> publicEndpoints, @NotNull List<String> tokenOptionalEndpoints) {

  static final String PREFIX = "moveacces.gateway";
}
