package ch.moveacces.platform.events.payload;

import ch.moveacces.platform.events.EventType;
import java.util.List;

/**
 * {@code profile-updated}: the API names of the fields that changed, never their values, old or
 * new.
 */
public record ProfileUpdated(List<String> changedFields) implements EventPayload {

  public ProfileUpdated {
    changedFields = List.copyOf(changedFields);
    if (changedFields.isEmpty()) {
      throw new IllegalArgumentException("A profile update changes at least one field");
    }
  }

  @Override
  public EventType eventType() {
    return EventType.PROFILE_UPDATED;
  }
}
