package ch.moveacces.profile.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.defaults.problem.FieldError;
import ch.moveacces.platform.defaults.problem.UnknownFieldException;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProfilePatchTest {

  private static final Clock TODAY =
      Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("Europe/Zurich"));
  private static final ProfileFields CURRENT =
      new ProfileFields(
          "Muster",
          "Anna",
          LocalDate.of(1985, 6, 1),
          "Rue de Lausanne 1",
          "1201",
          "Genève",
          "+41221234567");

  @Test
  void leavesAbsentFieldsAsTheyAre() {
    assertThat(apply("{}")).isEqualTo(CURRENT);
  }

  @Test
  void setsTrimmedValuesAndRemovesNullOrBlankOptionalOnes() {
    ProfileFields patched = apply("{\"prenom\": \"  Anne \", \"rue\": null, \"localite\": \"  \"}");

    assertThat(patched.prenom()).isEqualTo("Anne");
    assertThat(patched.rue()).isNull();
    assertThat(patched.localite()).isNull();
    assertThat(patched.nom()).isEqualTo("Muster");
  }

  @Test
  void storesPhoneNumbersInE164WithSwitzerlandAsDefaultRegion() {
    assertThat(apply("{\"tel\": \"079 123 45 67\"}").tel()).isEqualTo("+41791234567");
    assertThat(apply("{\"tel\": \"+33 1 42 68 53 00\"}").tel()).isEqualTo("+33142685300");
  }

  @Test
  void acceptsYesterdayButNotTodayAsBirthDate() {
    assertThat(apply("{\"date_naissance\": \"2026-06-14\"}").dateNaissance())
        .isEqualTo(LocalDate.of(2026, 6, 14));
    assertThatThrownBy(() -> apply("{\"date_naissance\": \"2026-06-15\"}"))
        .isInstanceOf(ValidationFailedException.class);
  }

  @Test
  void countsCharactersNotUtf16UnitsAgainstTheColumnLength() {
    String hundredEmojis = "\uD83D\uDE00".repeat(100);

    assertThat(apply("{\"nom\": \"" + hundredEmojis + "\"}").nom()).isEqualTo(hundredEmojis);
  }

  @Test
  void reportsEveryFieldAtFault() {
    assertThatThrownBy(() -> apply("{\"nom\": null, \"npa\": \"12\", \"email\": \"x@y.ch\"}"))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            failure ->
                assertThat(failure.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("nom", "npa", "email"));
  }

  @Test
  void refusesAControlCharacterNamingTheField() {
    assertThatThrownBy(() -> apply("{\"nom\": \"Mu\\u0000ster\", \"rue\": \"Rue\\u0085 1\"}"))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            failure ->
                assertThat(failure.errors())
                    .containsExactlyInAnyOrder(
                        new FieldError("nom", "must not contain control characters"),
                        new FieldError("rue", "must not contain control characters")));
  }

  /** 23:30 UTC on 14 June is already 15 June in Zurich, whatever zone the clock is in. */
  @Test
  void judgesBirthDatesByTheSwissCalendar() {
    Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-06-14T23:30:00Z"), ZoneOffset.UTC);
    JsonNode patch = JsonMapper.builder().build().readTree("{\"date_naissance\": \"2026-06-14\"}");

    assertThat(ProfilePatch.apply(patch, CURRENT, lateEveningUtc).dateNaissance())
        .isEqualTo(LocalDate.of(2026, 6, 14));
  }

  @Test
  void refusesAFieldAProfileDoesNotHave() {
    assertThatThrownBy(() -> apply("{\"password\": \"secret\"}"))
        .isInstanceOfSatisfying(
            UnknownFieldException.class,
            failure -> assertThat(failure.field()).isEqualTo("password"));
  }

  private static ProfileFields apply(String json) {
    JsonNode patch = JsonMapper.builder().build().readTree(json);
    return ProfilePatch.apply(patch, CURRENT, TODAY);
  }
}
