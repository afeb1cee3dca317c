package ch.moveacces.platform.defaults;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.net.ConnectException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The smallest WebFlux service that uses the defaults, with endpoints that fail on purpose. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TinyService.Endpoints.class)
public class TinyService {

  record Greeting(String name) {}

  /**
   * A functional endpoint whose domain problem reaches the error handler, not a controller advice.
   */
  @Bean
  RouterFunction<ServerResponse> memberships() {
    return RouterFunctions.route(
        RequestPredicates.PUT("/memberships/7/activation"),
        request -> {
          ProblemDetail problem =
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.CONFLICT, "This membership is already active.");
          problem.setType(ProblemTypes.of("membership-already-active"));
          problem.setTitle("Membership already active");
          return Mono.error(new ErrorResponseException(HttpStatus.CONFLICT, problem, null));
        });
  }

  @RestController
  static class Endpoints {

    @PostMapping(path = "/greetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Greeting greet(@RequestBody Greeting greeting) {
      return new Greeting("Hello " + greeting.name());
    }

    @GetMapping("/broken")
    Greeting broken() {
      throw new IllegalStateException(
          "SELECT password FROM internal_accounts WHERE id = 7 failed in SecretRepository");
    }

    @GetMapping("/upstream")
    Greeting upstream() throws ConnectException {
      throw new ConnectException("Connection refused: /10.1.2.3:5432");
    }

    @GetMapping("/members/42")
    Greeting missingMember() {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member 42.");
    }
  }
}
