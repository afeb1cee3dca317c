package ch.moveacces.auth.login;

import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.auth.session.Sessions;
import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.defaults.problem.FieldErrors;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.token.AuthenticatedUser;
import ch.moveacces.platform.token.RefreshCookie;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** Signing in, staying signed in, signing out. */
@Tag(
    name = "Sign-in",
    description = "Signing in with an email and a password, staying signed in, signing out.")
@RestController
class LoginController {

  private final SignIn signIn;
  private final RefreshSession refreshSession;
  private final Sessions sessions;
  private final ClientOrigins clientOrigins;
  private final IdentityEvents events;
  private final WebApp webApp;

  LoginController(
      SignIn signIn,
      RefreshSession refreshSession,
      Sessions sessions,
      ClientOrigins clientOrigins,
      IdentityEvents events,
      WebApp webApp) {
    this.signIn = signIn;
    this.refreshSession = refreshSession;
    this.sessions = sessions;
    this.clientOrigins = clientOrigins;
    this.events = events;
    this.webApp = webApp;
  }

  @Operation(
      summary = "Sign in with an email and a password",
      description =
          "Answers an access token (15 minutes) and a refresh token (24 hours) of a new session."
              + " The web app (X-Moveacces-Client: web) gets its refresh token as an HttpOnly"
              + " cookie instead.")
  @SecurityRequirements
  @ProblemResponse(
      status = 401,
      description = "The email or the password is wrong (type invalid-credentials).")
  @PostMapping("/auth/login")
  Mono<TokenResponse> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
    boolean web = webApp.sent(exchange.getRequest());
    FieldErrors errors = new FieldErrors();
    requireText(errors, "email", request.email());
    requireText(errors, "password", request.password());
    errors.throwIfAny();
    return answer(
        signIn.signIn(
            Objects.requireNonNull(request.email()),
            Objects.requireNonNull(request.password()),
            clientOrigins.of(exchange.getRequest())),
        web,
        exchange);
  }

  /** The web app sends no body: its refresh token is in {@link RefreshCookie}. */
  @Operation(
      summary = "Trade a refresh token for a new pair of tokens",
      description =
          "The refresh token sent is spent: sending it again ends its whole session. The web"
              + " app sends no body; its refresh token is its cookie.")
  @SecurityRequirements
  @ProblemResponse(
      status = 401,
      description =
          "The refresh token is unknown, expired or already spent (type"
              + " invalid-refresh-token).")
  @PostMapping("/auth/refresh")
  Mono<TokenResponse> refresh(
      @RequestBody(required = false) @Nullable RefreshRequest request, ServerWebExchange exchange) {
    Client client = clientOrigins.of(exchange.getRequest());
    if (webApp.sent(exchange.getRequest())) {
      String refreshToken =
          RefreshCookie.from(exchange.getRequest()).orElseThrow(AuthProblems::invalidRefreshToken);
      return answer(refreshSession.refresh(refreshToken, client), true, exchange);
    }
    if (request == null) {
      // as when the body was required
      throw new ServerWebInputException("No request body");
    }
    FieldErrors errors = new FieldErrors();
    requireText(errors, "refresh_token", request.refreshToken());
    errors.throwIfAny();
    return refreshSession.refresh(Objects.requireNonNull(request.refreshToken()), client);
  }

  /**
   * Ends the caller's session; the refresh token sent along dies with it (when it is another
   * session of the same user, that one is logged out too). Each session that ended is reported. The
   * web app may log out with its cookie alone (after a reload it has no access token yet); its
   * cookie is cleared.
   */
  @Operation(
      summary = "Sign out of this session",
      description =
          "Ends the session of the access token; a refresh token sent along ends with it. The"
              + " web app may sign out with its refresh cookie alone.")
  @PostMapping("/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> logout(
      // like AuthenticatedUser itself (OpenApiCaller), no parameter of the API
      @Parameter(hidden = true) Optional<AuthenticatedUser> caller,
      @RequestBody(required = false) @Nullable RefreshRequest request,
      ServerWebExchange exchange) {
    boolean web = webApp.sent(exchange.getRequest());
    Optional<String> refreshToken =
        web
            ? RefreshCookie.from(exchange.getRequest())
            : Optional.ofNullable(request).map(RefreshRequest::refreshToken);
    Client client = clientOrigins.of(exchange.getRequest());
    Mono<Void> loggedOut;
    if (caller.isPresent()) {
      long userId = caller.get().userId().value();
      Mono<Void> alsoItsSession =
          refreshToken
              .map(
                  token ->
                      sessions
                          .ownerOf(token)
                          .filter(owner -> owner.userId() == userId)
                          .flatMap(owner -> logOut(userId, owner.sessionId(), client)))
              .orElse(Mono.empty());
      loggedOut = logOut(userId, caller.get().sessionId(), client).then(alsoItsSession);
    } else if (web && refreshToken.isPresent()) {
      // Whoever holds a refresh token could go on with its session; they may as well end it.
      loggedOut =
          sessions
              .ownerOf(refreshToken.get())
              .flatMap(owner -> logOut(owner.userId(), owner.sessionId(), client));
    } else {
      return Mono.error(AuthProblems.invalidAccessToken());
    }
    return web
        ? loggedOut.then(
            Mono.fromRunnable(() -> exchange.getResponse().addCookie(RefreshCookie.cleared())))
        : loggedOut;
  }

  @Operation(summary = "Sign out of every session")
  @PostMapping("/auth/logout-all")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> logoutAll(AuthenticatedUser caller, ServerWebExchange exchange) {
    return sessions
        .revokeAll(caller.userId().value(), "")
        .flatMap(
            revoked ->
                events.allSessionsRevoked(
                    caller.userId().value(), revoked, clientOrigins.of(exchange.getRequest())));
  }

  /** The web app's pair: the refresh token as its cookie, the rest as the body. */
  private static Mono<TokenResponse> answer(
      Mono<TokenResponse> tokens, boolean web, ServerWebExchange exchange) {
    if (!web) {
      return tokens;
    }
    return tokens.map(
        pair -> {
          exchange
              .getResponse()
              .addCookie(
                  RefreshCookie.of(
                      Objects.requireNonNull(pair.refreshToken()),
                      Duration.ofSeconds(pair.refreshExpiresIn())));
          return pair.withoutRefreshToken();
        });
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
