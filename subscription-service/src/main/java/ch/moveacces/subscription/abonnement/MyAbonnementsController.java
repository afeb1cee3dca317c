package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.token.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /subscriptions}: the abonnements of the member whose verified access token this is. The
 * user id comes from the token's {@code sub}, never from the request.
 */
@Tag(name = "My abonnements", description = "The signed-in member's abonnements and their states.")
@RestController
@RequestMapping(path = "/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class MyAbonnementsController {

  private final Abonnements abonnements;
  private final AbonnementLifecycle lifecycle;
  private final Clients clients;

  MyAbonnementsController(Abonnements abonnements, AbonnementLifecycle lifecycle, Clients clients) {
    this.abonnements = abonnements;
    this.lifecycle = lifecycle;
    this.clients = clients;
  }

  @GetMapping
  @Operation(summary = "My abonnements, newest first")
  Flux<AbonnementView> list() {
    return caller().flatMapMany(abonnements::ofUser).map(AbonnementView::of);
  }

  @GetMapping("/{id}")
  @ProblemResponse(
      status = 404,
      description = "No abonnement of mine has this id (type abonnement-not-found).")
  @Operation(summary = "One of my abonnements; 404 when it is not mine")
  Mono<AbonnementView> get(@PathVariable long id) {
    return caller()
        .flatMap(userId -> abonnements.findOfUser(id, userId))
        .switchIfEmpty(Mono.error(AbonnementNotFoundException::new))
        .map(AbonnementView::of);
  }

  @PostMapping("/{id}/pause")
  @ProblemResponse(
      status = 404,
      description = "No abonnement of mine has this id (type abonnement-not-found).")
  @ProblemResponse(
      status = 409,
      description = "Not from its current state (type illegal-state-transition).")
  @Operation(summary = "Pause an active abonnement; 409 from any other state")
  Mono<AbonnementView> pause(@PathVariable long id, ServerHttpRequest request) {
    return apply(Transition.PAUSE, id, request);
  }

  @PostMapping("/{id}/resume")
  @ProblemResponse(
      status = 404,
      description = "No abonnement of mine has this id (type abonnement-not-found).")
  @ProblemResponse(
      status = 409,
      description = "Not from its current state (type illegal-state-transition).")
  @Operation(summary = "Resume a paused abonnement; 409 from any other state")
  Mono<AbonnementView> resume(@PathVariable long id, ServerHttpRequest request) {
    return apply(Transition.RESUME, id, request);
  }

  @PostMapping("/{id}/cancel")
  @ProblemResponse(
      status = 404,
      description = "No abonnement of mine has this id (type abonnement-not-found).")
  @ProblemResponse(
      status = 409,
      description = "Not from its current state (type illegal-state-transition).")
  @Operation(
      summary = "Cancel a pending, active or paused abonnement; 409 once expired or canceled")
  Mono<AbonnementView> cancel(@PathVariable long id, ServerHttpRequest request) {
    return apply(Transition.CANCEL, id, request);
  }

  private Mono<AbonnementView> apply(Transition transition, long id, ServerHttpRequest request) {
    Client client = clients.of(request);
    return caller()
        .switchIfEmpty(Mono.error(AbonnementNotFoundException::new))
        .flatMap(userId -> lifecycle.applyForMember(transition, id, userId, client))
        .map(AbonnementView::of);
  }

  /** The caller's user id (the token check refuses a subject that is no user id). */
  private static Mono<Long> caller() {
    return AuthenticatedUser.current().map(user -> user.userId().value());
  }
}
