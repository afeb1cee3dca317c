package ch.moveacces.realtime;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import ch.moveacces.platform.token.ActiveSessions;
import ch.moveacces.platform.token.TokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /realtime/ticket}: a one-time ticket for {@code GET /ws?ticket=…}, bound to the
 * caller's user, session and token expiry, so that the access token itself never travels in a URL.
 */
@Tag(
    name = "Realtime",
    description = "Live updates over a WebSocket (GET /ws), opened with a one-time ticket.")
@RestController
class TicketController {

  private final Tickets tickets;
  private final ActiveSessions sessions;
  private final RealtimeProperties properties;
  private final Clock clock = Clock.systemUTC();

  TicketController(Tickets tickets, ActiveSessions sessions, RealtimeProperties properties) {
    this.tickets = tickets;
    this.sessions = sessions;
    this.properties = properties;
  }

  @Operation(
      summary = "A one-time ticket to open the WebSocket",
      description =
          "Valid once, for at most 30 seconds and never beyond the access token's expiry: "
              + "GET /ws?ticket=<ticket> opens the socket (see the service's README for the "
              + "protocol and its close codes).")
  @PostMapping(path = "/realtime/ticket", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<TicketResponse>> issue() {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(SecurityContext::getAuthentication)
        .filter(authentication -> authentication.getPrincipal() instanceof Jwt)
        .map(authentication -> (Jwt) authentication.getPrincipal())
        .switchIfEmpty(Mono.error(TicketController::unauthorized))
        .flatMap(this::issue)
        // Redis away: the client is not at fault, and may try again shortly
        .onErrorMap(
            error -> !(error instanceof ErrorResponseException), TicketController::unavailable);
  }

  private Mono<ResponseEntity<TicketResponse>> issue(Jwt token) {
    String sessionId = token.getClaimAsString(TokenClaims.SESSION_ID);
    Instant expiresAt = token.getExpiresAt();
    if (sessionId == null || sessionId.isBlank() || expiresAt == null) {
      return Mono.error(unauthorized());
    }
    Duration left = Duration.between(clock.instant(), expiresAt);
    Duration ttl = left.compareTo(properties.ticketTtl()) < 0 ? left : properties.ticketTtl();
    if (ttl.toSeconds() < 1) {
      return Mono.error(unauthorized());
    }
    Grant grant = new Grant(token.getSubject(), sessionId, expiresAt);
    return sessions
        .isActive(sessionId)
        .flatMap(active -> active ? tickets.issue(grant, ttl) : Mono.error(unauthorized()))
        .map(
            ticket ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(new TicketResponse(ticket, ttl.toSeconds())));
  }

  private static ErrorResponseException unavailable(Throwable cause) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Tickets cannot be issued right now; try again shortly.");
    problem.setType(ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE));
    problem.setTitle("Service unavailable");
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
    error.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    return error;
  }

  private static ErrorResponseException unauthorized() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "A valid access token of an active session is required.");
    problem.setType(ProblemTypes.forStatus(HttpStatus.UNAUTHORIZED));
    problem.setTitle("Unauthorized");
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return error;
  }
}
