package ch.moveacces.profile.me;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.defaults.openapi.ProblemResponse;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.token.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /users/me}: the profile of the member whose verified access token this is. The user id
 * comes from the token's {@code sub}, never from the request.
 */
@Tag(name = "My profile", description = "The signed-in member's own profile: read it, change it.")
@RestController
@RequestMapping("/users/me")
class MeController {

  static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final MyProfile myProfile;
  private final ClientOrigins clientOrigins;

  MeController(MyProfile myProfile, ClientOrigins clientOrigins) {
    this.myProfile = myProfile;
    this.clientOrigins = clientOrigins;
  }

  /** With the profile's ETag; an If-None-Match naming it is answered 304 by Spring. */
  @Operation(
      summary = "My profile",
      description = "With its ETag: an If-None-Match naming it is answered 304 Not Modified.")
  @ProblemResponse(status = 404, description = "I have no profile (type profile-not-found).")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<ProfileView>> get() {
    return caller().flatMap(myProfile::read).map(MeController::withETag);
  }

  /**
   * A JSON merge patch. Plain {@code application/json} is read the same way, as clients often send
   * it for a partial update.
   */
  @Operation(
      summary = "Change my profile",
      description =
          "A JSON merge patch (RFC 7396) of the fields to change. With If-Match, only while"
              + " the profile still has that ETag.")
  @ProblemResponse(status = 404, description = "I have no profile (type profile-not-found).")
  @ProblemResponse(
      status = 412,
      description = "The profile changed since the ETag in If-Match (type precondition-failed).")
  @PatchMapping(
      consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content = {
        @Content(
            mediaType = MERGE_PATCH_JSON,
            schema = @Schema(implementation = ProfileChanges.class)),
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ProfileChanges.class))
      })
  Mono<ResponseEntity<ProfileView>> patch(
      @RequestBody JsonNode patch,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      ServerHttpRequest request) {
    if (!patch.isObject()) {
      return Mono.error(
          new ServerWebInputException("A merge patch of a profile is a JSON object."));
    }
    Client client = clientOrigins.of(request);
    return caller()
        .flatMap(userId -> myProfile.change(userId, patch, ifMatch, client))
        .map(MeController::withETag);
  }

  private static ResponseEntity<ProfileView> withETag(Profile profile) {
    return ResponseEntity.ok().eTag(ProfileETag.of(profile)).body(ProfileView.of(profile));
  }

  /** The caller's user id (the token check refuses a subject that is no user id). */
  private static Mono<Long> caller() {
    return AuthenticatedUser.current().map(user -> user.userId().value());
  }
}
