package ch.moveacces.gateway.health;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /health} for clients and load balancers: whether the gateway can take traffic (its
 * readiness), as a bare status. The details stay on the actuator, which is not public.
 */
class PublicHealth {

  private static final String GROUP = "readiness";

  private final ReactiveHealthEndpointWebExtension health;

  PublicHealth(ReactiveHealthEndpointWebExtension health) {
    this.health = health;
  }

  Mono<ServerResponse> handle(ServerRequest request) {
    return health
        .health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, GROUP)
        .flatMap(
            response ->
                ServerResponse.status(response.getStatus())
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(new PublicStatus(statusOf(response.getBody()))));
  }

  private static String statusOf(@Nullable HealthDescriptor descriptor) {
    return descriptor == null ? Status.UNKNOWN.getCode() : descriptor.getStatus().getCode();
  }

  record PublicStatus(String status) {}
}
