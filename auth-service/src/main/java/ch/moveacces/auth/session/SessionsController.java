package ch.moveacces.auth.session;

import ch.moveacces.auth.event.IdentityEvents;
import ch.moveacces.auth.problem.AuthProblems;
import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.token.AuthenticatedUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A user's own sessions: list them, end one. */
@Tag(name = "Sessions", description = "The devices I am signed in on: see them, end one.")
@RestController
class SessionsController {

  private final Sessions sessions;
  private final ClientOrigins clientOrigins;
  private final IdentityEvents events;

  SessionsController(Sessions sessions, ClientOrigins clientOrigins, IdentityEvents events) {
    this.sessions = sessions;
    this.clientOrigins = clientOrigins;
    this.events = events;
  }

  @Operation(summary = "My active sessions, newest first")
  @GetMapping("/auth/sessions")
  Mono<List<SessionView>> list(AuthenticatedUser caller) {
    return sessions
        .list(caller.userId().value())
        .map(session -> SessionView.of(session, caller.sessionId()))
        .sort((a, b) -> b.createdAt().compareTo(a.createdAt()))
        .collectList();
  }

  @Operation(summary = "End one of my sessions")
  @ProblemResponse(
      status = 404,
      description = "I have no such active session (type session-not-found).")
  @DeleteMapping("/auth/sessions/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revoke(AuthenticatedUser caller, @PathVariable String id, ServerWebExchange exchange) {
    return sessions
        .revoke(id, caller.userId().value())
        .flatMap(
            ended ->
                ended
                    ? events.sessionRevoked(
                        caller.userId().value(), id, clientOrigins.of(exchange.getRequest()))
                    : Mono.error(AuthProblems.sessionNotFound()));
  }

  record SessionView(
      String id,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("last_used_at") Instant lastUsedAt,
      @JsonProperty("user_agent") @Nullable String userAgent,
      @Nullable String ip,
      boolean current) {

    static SessionView of(ActiveSession session, String currentId) {
      return new SessionView(
          session.id(),
          session.createdAt(),
          session.lastUsedAt(),
          session.userAgent(),
          session.ip(),
          session.id().equals(currentId));
    }
  }
}
