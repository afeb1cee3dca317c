package ch.moveacces.auth.registration;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class RegistrationController {

  private final RegistrationValidation validation;
  private final RegisterUser registerUser;
  private final ClientOrigins clientOrigins;

  RegistrationController(
      RegistrationValidation validation, RegisterUser registerUser, ClientOrigins clientOrigins) {
    this.validation = validation;
    this.registerUser = registerUser;
    this.clientOrigins = clientOrigins;
  }

  @PostMapping("/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<Registered> register(@RequestBody RegistrationRequest request, ServerWebExchange exchange) {
    return Mono.fromCallable(() -> validation.validate(request))
        .flatMap(
            account ->
                registerUser.register(
                    account,
                    Objects.requireNonNull(request.password()),
                    clientOrigins.of(exchange.getRequest())))
        .map(Registered::new);
  }

  record Registered(@JsonProperty("user_id") long userId) {}
}
