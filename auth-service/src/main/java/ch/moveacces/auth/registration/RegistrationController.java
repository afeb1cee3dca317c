package ch.moveacces.auth.registration;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Tag(name = "Registration", description = "Becoming a member: an account and its profile.")
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

  @Operation(summary = "Create an account")
  @SecurityRequirements
  @ProblemResponse(
      status = 409,
      description = "An account with this email address already exists (type email-taken).")
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
