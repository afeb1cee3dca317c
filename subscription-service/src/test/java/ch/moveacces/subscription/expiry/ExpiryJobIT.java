package ch.moveacces.subscription.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.subscription.Database;
import ch.moveacces.subscription.RunningService;
import ch.moveacces.subscription.abonnement.AbonnementEvents;
import ch.moveacces.subscription.abonnement.Abonnements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the job over the same database at once, as two replicas of the service run it.
 * Their clock stands in 2040, so that nothing the running application or another test holds is
 * among the abonnements this test counts.
 *
 * <p>With a Zurich clock just after midnight, each due abonnement is expired once, with one event
 * each, and the others are left untouched.
 */
class ExpiryJobIT extends RunningService {

  /** 23:30 UTC on 15 March is already 16 March in Zurich: the 15th is over there. */
  private static final Clock ZURICH_JUST_AFTER_MIDNIGHT =
      Clock.fixed(Instant.parse("2040-03-15T23:30:00Z"), ZoneId.of("Europe/Zurich"));

  private static final LocalDate START = LocalDate.of(2039, 3, 1);

  @Autowired Abonnements abonnements;
  @Autowired AbonnementEvents events;
  @Autowired TransactionalOperator transaction;

  @Test
  void twoInstancesAtOnceExpireEachAbonnementPastItsStopDateExactlyOnce() {
    long member = Database.newMember();
    Map<Long, String> due = new HashMap<>();
    for (int day = 0; day < 20; day++) {
      String state = day % 2 == 0 ? "active" : "paused";
      LocalDate stop = LocalDate.of(2040, 3, 15).minusDays(day % 5);
      due.put(Database.newAbonnement(member, state, START, stop), state);
    }
    long stopsToday = Database.newAbonnement(member, "active", START, LocalDate.of(2040, 3, 16));
    long openEnded = Database.newAbonnement(member, "active", START, null);
    long canceled = Database.newAbonnement(member, "canceled", START, LocalDate.of(2040, 3, 1));
    long pending = Database.newAbonnement(member, "pending", START, LocalDate.of(2040, 3, 1));

    ExpiryJob first = job();
    ExpiryJob second = job();
    List<Integer> runs =
        Mono.zip(first.expireDue(), second.expireDue())
            .map(both -> List.of(both.getT1(), both.getT2()))
            .block(Duration.ofSeconds(30));

    assertThat(runs).isNotNull();
    assertThat(runs.get(0) + runs.get(1)).isGreaterThanOrEqualTo(due.size());
    due.keySet().forEach(id -> assertThat(Database.stateOf(id)).isEqualTo("expired"));
    assertThat(Database.stateOf(stopsToday)).isEqualTo("active");
    assertThat(Database.stateOf(openEnded)).isEqualTo("active");
    assertThat(Database.stateOf(canceled)).isEqualTo("canceled");
    assertThat(Database.stateOf(pending)).isEqualTo("pending");

    List<JsonNode> expired = Database.eventsOf(member);
    List<Long> expiredIds = new ArrayList<>();
    for (JsonNode event : expired) {
      assertThat(event.get("type").asString())
          .isEqualTo("ch.moveacces.subscription.abonnement-expired.v1");
      long id = event.at("/data/abonnement_id").asLong();
      expiredIds.add(id);
      assertThat(event.at("/data/previous_status").asString()).isEqualTo(due.get(id));
      assertThat(event.at("/data").has("client_ip")).isFalse();
      // nobody asked for it: the system acted, and no user id or role is named
      assertThat(event.get("actor").asString()).isEqualTo("system");
      assertThat(event.has("actorid")).isFalse();
      assertThat(event.has("actorrole")).isFalse();
      assertThat(LocalDate.parse(event.at("/data/date_stop").asString()))
          .isBefore(LocalDate.of(2040, 3, 16));
    }
    assertThat(expiredIds).containsExactlyInAnyOrderElementsOf(due.keySet());

    assertThat(job().expireDue().block(Duration.ofSeconds(10))).isZero();
    assertThat(Database.eventsOf(member)).hasSize(due.size());
  }

  private ExpiryJob job() {
    return new ExpiryJob(abonnements, events, transaction, ZURICH_JUST_AFTER_MIDNIGHT, 3);
  }
}
