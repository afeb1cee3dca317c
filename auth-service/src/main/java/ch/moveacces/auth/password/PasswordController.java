package ch.moveacces.auth.password;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.defaults.problem.FieldErrors;
import ch.moveacces.platform.token.AuthenticatedUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Tag(name = "Password", description = "Changing one's password.")
@RestController
class PasswordController {

  private final ChangePassword changePassword;
  private final ClientOrigins clientOrigins;

  PasswordController(ChangePassword changePassword, ClientOrigins clientOrigins) {
    this.changePassword = changePassword;
    this.clientOrigins = clientOrigins;
  }

  @Operation(
      summary = "Change my password",
      description = "Needs the current password; every other session of mine ends.")
  @ProblemResponse(
      status = 401,
      description = "No valid access token, or the current password is wrong.")
  @PostMapping("/auth/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> change(
      AuthenticatedUser caller,
      @RequestBody PasswordChangeRequest request,
      ServerWebExchange exchange) {
    FieldErrors errors = new FieldErrors();
    if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
      errors.add("current_password", "is required");
    }
    if (request.newPassword() == null || request.newPassword().isEmpty()) {
      errors.add("new_password", "is required");
    }
    errors.throwIfAny();
    return changePassword.change(
        caller,
        Objects.requireNonNull(request.currentPassword()),
        Objects.requireNonNull(request.newPassword()),
        clientOrigins.of(exchange.getRequest()));
  }

  record PasswordChangeRequest(
      @JsonProperty("current_password") @Nullable String currentPassword,
      @JsonProperty("new_password") @Nullable String newPassword) {

    /** Spring logs decoded bodies at debug level: never the passwords. */
    @Override
    public String toString() {
      return "PasswordChangeRequest[***]";
    }
  }
}
