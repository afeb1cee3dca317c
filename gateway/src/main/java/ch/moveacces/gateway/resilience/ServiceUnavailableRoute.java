package ch.moveacces.gateway.resilience;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import ch.moveacces.platform.defaults.problem.Problems;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service did not take (connection refused, no
 * answer within the route's time limit, breaker open): a 503 problem at once, never a hang. Only a
 * circuit breaker's fallback reaches it; a client asking for the path directly finds nothing.
 */
@Configuration(proxyBeanMethods = false)
class ServiceUnavailableRoute {

  static final String PATH = "/service-unavailable";

  @Bean
  RouterFunction<ServerResponse> serviceUnavailable(Problems problems) {
    return RouterFunctions.route(
        path(PATH),
        request -> {
          if (request
              .attribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
              .isEmpty()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
          }
          ProblemDetail problem =
              problems.decorate(
                  ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), request.exchange());
          return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .header(HttpHeaders.RETRY_AFTER, "5")
              .bodyValue(problem);
        });
  }
}
