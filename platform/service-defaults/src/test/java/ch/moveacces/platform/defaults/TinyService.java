package ch.moveacces.platform.defaults;

import ch.moveacces.platform.defaults.problem.FieldError;
import ch.moveacces.platform.defaults.problem.ProblemTypes;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import ch.moveacces.platform.events.EventSchemaViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
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
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The smallest WebFlux service that uses the defaults, with endpoints that fail on purpose. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TinyService.Endpoints.class)
public class TinyService {

  record Greeting(String name) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Member(@NotBlank String firstName, @Pattern(regexp = "[0-9]{4}") String postalCode) {}

  /**
   * A functional endpoint whose domain problem reaches the error handler, not a controller advice.
   */
  @Bean
  RouterFunction<ServerResponse> memberships() {
    return RouterFunctions.route(
            RequestPredicates.POST("/memberships"),
            request ->
                request
                    .bodyToMono(Greeting.class)
                    .flatMap(
                        greeting ->
                            Mono.<ServerResponse>error(
                                new ValidationFailedException(
                                    List.of(
                                        new FieldError("abo_name", "must not be blank"),
                                        new FieldError("abo_price", "must be positive"))))))
        .andRoute(
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

    @PostMapping(path = "/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    Member join(@Valid @RequestBody Member member) {
      return member;
    }

    @PostMapping(path = "/members/7/phone", consumes = MediaType.APPLICATION_JSON_VALUE)
    Greeting phone(@RequestBody Greeting phone) {
      throw new ValidationFailedException("tel", "is not a phone number");
    }

    @GetMapping("/broken")
    Greeting broken() {
      throw new IllegalStateException(
          "SELECT password FROM internal_accounts WHERE id = 7 failed in SecretRepository");
    }

    /** Fails later, on another thread than the request's. */
    @GetMapping("/broken-later")
    Mono<Greeting> brokenLater() {
      return Mono.delay(Duration.ofMillis(5))
          .then(Mono.error(new IllegalStateException("failed later in SecretRepository")));
    }

    /** An event that breaks its schema fails the change that records it, as the outbox does. */
    @GetMapping("/event-breaks-schema")
    Mono<Greeting> eventBreaksSchema() {
      return Mono.error(
          new EventSchemaViolation(List.of("/data/client_ip: does not match the ipv4 format")));
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
