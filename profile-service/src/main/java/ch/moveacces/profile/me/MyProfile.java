package ch.moveacces.profile.me;

import ch.moveacces.platform.events.Client;
import ch.moveacces.platform.outbox.EventOutbox;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reading and changing the profile of the member who asks, and only theirs. A change and its {@link
 * ProfileUpdated} event are written in one transaction: both or neither.
 */
@Service
class MyProfile {

  /** "In the past" is judged by the calendar of the members, who are in Switzerland. */
  private static final Clock SWISS_CLOCK = Clock.system(ZoneId.of("Europe/Zurich"));

  /**
   * The row is locked before it is read, so a concurrent change waits rather than races; the
   * conditional update and these attempts remain as a safety net.
   */
  private static final int ATTEMPTS = 3;

  private final Profiles profiles;
  private final EventOutbox outbox;
  private final TransactionalOperator transaction;

  MyProfile(Profiles profiles, EventOutbox outbox, ReactiveTransactionManager transactions) {
    this.profiles = profiles;
    this.outbox = outbox;
    this.transaction = TransactionalOperator.create(transactions);
  }

  Mono<Profile> read(long userId) {
    return profiles.find(userId).switchIfEmpty(Mono.error(ProfileNotFoundException::new));
  }

  Mono<Profile> change(long userId, JsonNode patch, @Nullable String ifMatch, Client client) {
    return change(userId, patch, ifMatch, client, ATTEMPTS);
  }

  private Mono<Profile> change(
      long userId, JsonNode patch, @Nullable String ifMatch, Client client, int attemptsLeft) {
    return attempt(userId, patch, ifMatch, client)
        .as(transaction::transactional)
        .switchIfEmpty(
            Mono.defer(
                () ->
                    ifMatch != null || attemptsLeft <= 1
                        ? Mono.error(new ProfileChangedException())
                        : change(userId, patch, null, client, attemptsLeft - 1)));
  }

  /**
   * One lock, read, update and event, in the caller's transaction; empty when the row changed
   * between the read and the update (the update is conditional on the row as read). A patch that
   * changes no stored value writes nothing: the row, its {@code updated_at} and ETag stay as they
   * are, and there is no event, since nothing happened that a consumer could act on.
   */
  private Mono<Profile> attempt(
      long userId, JsonNode patch, @Nullable String ifMatch, Client client) {
    return profiles
        .lock(userId)
        .then(read(userId))
        .flatMap(
            current -> {
              if (ifMatch != null && !ProfileETag.matches(ifMatch, ProfileETag.of(current))) {
                return Mono.error(new ProfileChangedException());
              }
              ProfileFields updated = ProfilePatch.apply(patch, current.fields(), SWISS_CLOCK);
              List<String> changed = ChangedFields.between(current.fields(), updated);
              if (changed.isEmpty()) {
                return Mono.just(current);
              }
              return profiles
                  .update(current, updated)
                  .filter(applied -> applied)
                  // after the update, which locks the row: events of one member are appended in
                  // the order their changes commit
                  .flatMap(applied -> outbox.append(ProfileUpdated.event(userId, changed, client)))
                  .flatMap(event -> read(userId));
            });
  }
}
