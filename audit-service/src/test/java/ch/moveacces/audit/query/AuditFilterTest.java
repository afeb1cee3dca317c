package ch.moveacces.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.defaults.problem.FieldError;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditFilterTest {

  @Test
  void withoutParametersAsksForTheNewestFiftyOfEveryone() {
    AuditFilter filter = AuditFilter.of(null, null, null, null, null, null);

    assertThat(filter).isEqualTo(new AuditFilter(null, null, null, null, 50, null, null));
  }

  @Test
  void readsEveryParameter() {
    PageCursor after = new PageCursor(Instant.parse("2026-11-25T09:00:00Z"), 42);

    AuditFilter filter =
        AuditFilter.of(
            "7",
            "ch.moveacces.identity.logged-out.v1",
            "2026-11-25T09:30:00+01:00",
            "2026-11-26T00:00:00Z",
            "200",
            after.encode(),
            "42");

    assertThat(filter)
        .isEqualTo(
            new AuditFilter(
                7L,
                "ch.moveacces.identity.logged-out.v1",
                Instant.parse("2026-11-25T08:30:00Z"),
                Instant.parse("2026-11-26T00:00:00Z"),
                200,
                after,
                new ActorFilter("user", 42L)));
  }

  @ParameterizedTest
  @CsvSource({
    "actor, nobody",
    "actor, 0",
    "user_id, 0",
    "user_id, -7",
    "user_id, 12345678901",
    "user_id, seven",
    "type, Ch.MoveAcces.Upper",
    "type, '; DROP TABLE audit_logs'",
    "from, 2026-11-25",
    "from, 2026-11-25T09:30:00",
    "to, yesterday",
    "limit, 0",
    "limit, 201",
    "limit, ten",
    "cursor, not-a-cursor"
  })
  void namesTheParameterAtFault(String parameter, String value) {
    assertThatThrownBy(() -> filterWith(parameter, value))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            failure ->
                assertThat(failure.errors())
                    .extracting(FieldError::field)
                    .containsExactly(parameter));
  }

  @Test
  void namesEveryParameterAtFaultAtOnce() {
    assertThatThrownBy(() -> AuditFilter.of("x", "X", "y", "z", "0", "%%"))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            failure ->
                assertThat(failure.errors())
                    .extracting(FieldError::field)
                    .containsExactly("user_id", "type", "from", "to", "limit", "cursor"));
  }

  @ParameterizedTest
  @CsvSource({"system, system,", "user, user,", "123, user, 123"})
  void readsTheActorAsAKindOrAUserId(String value, String kind, @Nullable Long userId) {
    assertThat(AuditFilter.of(null, null, null, null, null, null, value).actor())
        .isEqualTo(new ActorFilter(kind, userId));
  }

  @Test
  void refusesARangeThatDoesNotEndAfterItStarts() {
    assertThatThrownBy(
            () ->
                AuditFilter.of(
                    null, null, "2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z", null, null))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            failure ->
                assertThat(failure.errors())
                    .containsExactly(new FieldError("to", "must be later than from")));
  }

  @Test
  void acceptsTheLimitsOfItsRange() {
    assertThat(AuditFilter.of(null, null, null, null, "1", null).limit()).isEqualTo(1);
    assertThat(AuditFilter.of(null, null, null, null, "200", null).limit()).isEqualTo(200);
  }

  private static AuditFilter filterWith(String parameter, String value) {
    List<String> names = List.of("user_id", "type", "from", "to", "limit", "cursor", "actor");
    String[] values = new String[names.size()];
    values[names.indexOf(parameter)] = value;
    return AuditFilter.of(
        values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
  }
}
