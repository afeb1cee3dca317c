package ch.moveacces.profile.me;

import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventEnvelopeBuilder;
import ch.moveacces.platform.events.EventType;
import java.util.List;

/**
 * {@code ch.moveacces.profile.profile-updated.v1}: a member's profile changed. It names the changed
 * fields and never their values, old or new: consumers that need them read the profile.
 */
final class ProfileUpdated {

  static final String CHANGED_FIELDS = "changed_fields";

  private ProfileUpdated() {}

  static EventEnvelopeBuilder event(long userId, List<String> changedFields, RequestOrigin origin) {
    if (changedFields.isEmpty()) {
      throw new IllegalArgumentException("A profile update changes at least one field");
    }
    return EventEnvelope.builder(EventType.PROFILE_UPDATED)
        .user(userId)
        .client(origin.ip(), origin.userAgent())
        .data(CHANGED_FIELDS, List.copyOf(changedFields));
  }
}
