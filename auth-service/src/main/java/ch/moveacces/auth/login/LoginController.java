package ch.moveacces.auth.login;

import ch.moveacces.auth.event.Client;
import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.problem.FieldErrors;
import ch.moveacces.auth.session.Caller;
import ch.moveacces.auth.session.ClientInfo;
import ch.moveacces.auth.session.Sessions;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Signing in, staying signed in, signing out. */
@RestController
class LoginController {

  private final SignIn signIn;
  private final RefreshSession refreshSession;
  private final Sessions sessions;
  private final ClientInfo clientInfo;
  private final IdentityEvents events;

  LoginController(
      SignIn signIn,
      RefreshSession refreshSession,
      Sessions sessions,
      ClientInfo clientInfo,
      IdentityEvents events) {
    this.signIn = signIn;
    this.refreshSession = refreshSession;
    this.sessions = sessions;
    this.clientInfo = clientInfo;
    this.events = events;
  }

  @PostMapping("/auth/login")
  Mono<TokenResponse> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
    FieldErrors errors = new FieldErrors();
    requireText(errors, "email", request.email());
    requireText(errors, "password", request.password());
    errors.throwIfAny();
    return signIn.signIn(
        Objects.requireNonNull(request.email()),
        Objects.requireNonNull(request.password()),
        clientInfo.of(exchange.getRequest()));
  }

  @PostMapping("/auth/refresh")
  Mono<TokenResponse> refresh(@RequestBody RefreshRequest request, ServerWebExchange exchange) {
    FieldErrors errors = new FieldErrors();
    requireText(errors, "refresh_token", request.refreshToken());
    errors.throwIfAny();
    return refreshSession.refresh(
        Objects.requireNonNull(request.refreshToken()), clientInfo.of(exchange.getRequest()));
  }

  /**
   * Ends the caller's session; the refresh token sent along dies with it (when it is another
   * session of the same user, that one is logged out too). Each session that ended is reported.
   */
  @PostMapping("/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> logout(
      Caller caller,
      @RequestBody(required = false) @Nullable RefreshRequest request,
      ServerWebExchange exchange) {
    Client client = clientInfo.of(exchange.getRequest());
    Mono<Void> alsoItsSession =
        request == null || request.refreshToken() == null
            ? Mono.empty()
            : sessions
                .ownerOf(request.refreshToken())
                .filter(owner -> owner.userId() == caller.userId())
                .flatMap(owner -> logOut(caller.userId(), owner.sessionId(), client));
    return logOut(caller.userId(), caller.sessionId(), client).then(alsoItsSession);
  }

  @PostMapping("/auth/logout-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> logoutAll(Caller caller, ServerWebExchange exchange) {
    return sessions
        .revokeAll(caller.userId(), "")
        .flatMap(
            revoked ->
                events.allSessionsRevoked(
                    caller.userId(), revoked, clientInfo.of(exchange.getRequest())));
  }

  /** A session already gone (a racing logout) ended elsewhere and is not reported twice. */
  private Mono<Void> logOut(long userId, String sessionId, Client client) {
    return sessions
        .revoke(sessionId, userId)
        .flatMap(ended -> ended ? events.loggedOut(userId, sessionId, client) : Mono.empty());
  }

  private static void requireText(FieldErrors errors, String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      errors.add(field, "is required");
    }
  }
}
