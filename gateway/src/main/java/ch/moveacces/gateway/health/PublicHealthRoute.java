package ch.moveacces.gateway.health;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The gateway answers {@code /health} itself; it is never routed to a service. */
@Configuration(proxyBeanMethods = false)
class PublicHealthRoute {

  @Bean
  RouterFunction<ServerResponse> publicHealth(ReactiveHealthEndpointWebExtension health) {
    return RouterFunctions.route(GET("/health"), new PublicHealth(health)::handle);
  }
}
