package ch.moveacces.auth.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class RegistrationController {

  private final RegistrationValidation validation;
  private final RegisterUser registerUser;

  RegistrationController(RegistrationValidation validation, RegisterUser registerUser) {
    this.validation = validation;
    this.registerUser = registerUser;
  }

  @PostMapping("/auth/register")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<Registered> register(@RequestBody RegistrationRequest request) {
    return Mono.fromCallable(() -> validation.validate(request))
        .flatMap(
            account -> registerUser.register(account, Objects.requireNonNull(request.password())))
        .map(Registered::new);
  }

  record Registered(@JsonProperty("user_id") long userId) {}
}
