package ch.moveacces.profile.me;

import ch.moveacces.platform.events.Actor;
import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import java.util.List;

/**
 * {@code ch.moveacces.profile.profile-updated.v1}: a member's profile changed. It names the changed
 * fields and never their values, old or new: consumers that need them read the profile. The member
 * is its actor: a profile is changed only by its own member ({@code PATCH /users/me}, the user id
 * from the access token); no administrator path exists.
 */
final class ProfileUpdated {

  private ProfileUpdated() {}

  /** Throws {@link IllegalArgumentException} for an update that changes no field. */
  static EventEnvelopeBuilder event(long userId, List<String> changedFields, Client client) {
    return EventEnvelope.builder(
            new ch.moveacces.platform.events.payload.ProfileUpdated(changedFields))
        .user(userId)
        .actor(Actor.member(userId))
        .client(client);
  }
}
