package ch.moveacces.subscription.admin;

import ch.moveacces.platform.defaults.openapi.ApiSecurity;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.token.AuthenticatedUser;
import ch.moveacces.subscription.abonnement.AbonnementLifecycle;
import ch.moveacces.subscription.abonnement.AbonnementNotFoundException;
import ch.moveacces.subscription.abonnement.Abonnements;
import ch.moveacces.subscription.abonnement.Clients;
import ch.moveacces.subscription.abonnement.Transition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /admin/subscriptions}: any member's abonnements, for the ADMIN role only. */
@Tag(
    name = "Abonnements (administrators)",
    description = "Any member's abonnements, for the ADMIN role only.")
@SecurityRequirement(name = ApiSecurity.BEARER, scopes = "ADMIN")
@RestController
@RequestMapping(path = AdminAbonnementsController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class AdminAbonnementsController {

  static final String PATH = "/admin/subscriptions";
  private static final String ADMIN_ROLE = "ADMIN";

  private final CreateAbonnement createAbonnement;
  private final AbonnementLifecycle lifecycle;
  private final Abonnements abonnements;
  private final Clients clients;

  AdminAbonnementsController(
      CreateAbonnement createAbonnement,
      AbonnementLifecycle lifecycle,
      Abonnements abonnements,
      Clients clients) {
    this.createAbonnement = createAbonnement;
    this.lifecycle = lifecycle;
    this.abonnements = abonnements;
    this.clients = clients;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Create an abonnement for a member, pending or active")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new abonnement.")
  Mono<ResponseEntity<AdminAbonnementView>> create(
      @RequestBody AbonnementRequest request, ServerHttpRequest httpRequest) {
    Client client = clients.of(httpRequest);
    return administrator()
        .flatMap(administratorId -> createAbonnement.create(request, administratorId, client))
        .map(
            created ->
                ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                    .body(AdminAbonnementView.of(created)));
  }

  @GetMapping("/{id}")
  @ProblemResponse(
      status = 404,
      description = "No abonnement has this id (type abonnement-not-found).")
  @Operation(summary = "Any member's abonnement")
  Mono<AdminAbonnementView> get(@PathVariable long id) {
    return abonnements
        .find(id)
        .switchIfEmpty(Mono.error(AbonnementNotFoundException::new))
        .map(AdminAbonnementView::of);
  }

  @PostMapping("/{id}/activate")
  @ProblemResponse(
      status = 404,
      description = "No abonnement has this id (type abonnement-not-found).")
  @ProblemResponse(
      status = 409,
      description = "Not from its current state (type illegal-state-transition).")
  @Operation(summary = "Activate a pending abonnement; 409 from any other state")
  Mono<AdminAbonnementView> activate(@PathVariable long id, ServerHttpRequest request) {
    Client client = clients.of(request);
    return administrator()
        .flatMap(
            administratorId ->
                lifecycle.applyForAdministrator(Transition.ACTIVATE, id, administratorId, client))
        .map(AdminAbonnementView::of);
  }

  /**
   * The acting administrator's own user id, from the verified access token. {@link
   * AdministratorsOnly} lets no other token through; should a request without the ADMIN role come
   * here all the same, it is refused rather than recorded as an administrator's.
   */
  private static Mono<Long> administrator() {
    return AuthenticatedUser.current()
        .filter(user -> user.hasRole(ADMIN_ROLE))
        .map(user -> user.userId().value())
        .switchIfEmpty(Mono.error(() -> new AccessDeniedException("The ADMIN role is needed")));
  }
}
