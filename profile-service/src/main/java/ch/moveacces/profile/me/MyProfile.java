package ch.moveacces.profile.me;

import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Reading and changing the profile of the member who asks, and only theirs. */
@Service
class MyProfile {

  /** "In the past" is judged by the calendar of the members, who are in Switzerland. */
  private static final Clock SWISS_CLOCK = Clock.system(ZoneId.of("Europe/Zurich"));

  /** Without If-Match a concurrent change is merged into, a few times before giving up. */
  private static final int ATTEMPTS = 3;

  private final Profiles profiles;

  MyProfile(Profiles profiles) {
    this.profiles = profiles;
  }

  Mono<Profile> read(long userId) {
    return profiles.find(userId).switchIfEmpty(Mono.error(ProfileNotFoundException::new));
  }

  Mono<Profile> change(long userId, JsonNode patch, @Nullable String ifMatch) {
    return change(userId, patch, ifMatch, ATTEMPTS);
  }

  private Mono<Profile> change(
      long userId, JsonNode patch, @Nullable String ifMatch, int attemptsLeft) {
    return read(userId)
        .flatMap(
            current -> {
              if (ifMatch != null && !ProfileETag.matches(ifMatch, ProfileETag.of(current))) {
                return Mono.error(new ProfileChangedException());
              }
              ProfileFields updated = ProfilePatch.apply(patch, current.fields(), SWISS_CLOCK);
              return profiles
                  .update(current, updated)
                  .flatMap(applied -> applied ? read(userId) : afterConflict(userId, updated))
                  .switchIfEmpty(
                      Mono.defer(
                          () ->
                              ifMatch != null || attemptsLeft <= 1
                                  ? Mono.error(new ProfileChangedException())
                                  : change(userId, patch, null, attemptsLeft - 1)));
            });
  }

  /**
   * No row matched what was read: either it changed in between (empty, the caller decides), or the
   * update wrote the very values it already held within the same second, which MySQL reports as no
   * row changed.
   */
  private Mono<Profile> afterConflict(long userId, ProfileFields updated) {
    return read(userId).filter(now -> now.fields().equals(updated));
  }
}
