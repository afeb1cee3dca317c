package ch.moveacces.platform.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRulesTest {

  @Test
  void storesPhoneNumbersInE164WithSwitzerlandAsDefaultRegion() {
    assertThat(ProfileRules.tel(" 079 123 45 67 ").value()).isEqualTo("+41791234567");
    assertThat(ProfileRules.tel("+33 1 42 68 53 00").value()).isEqualTo("+33142685300");
    assertThat(ProfileRules.tel("12").fault()).isEqualTo("must be a valid phone number");
    assertThat(ProfileRules.tel("  ")).isEqualTo(new Checked<String>(null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mu\u0000ster", "Mu\nster", "Mu\u007Fster", "Mu\u009Bster"})
  void refusesControlCharactersInEveryField(String sent) {
    String fault = "must not contain control characters";
    assertThat(ProfileRules.requiredText("nom", sent).fault()).isEqualTo(fault);
    assertThat(ProfileRules.optionalText("rue", sent).fault()).isEqualTo(fault);
    assertThat(ProfileRules.npa(sent).fault()).isEqualTo(fault);
    assertThat(ProfileRules.tel(sent).fault()).isEqualTo(fault);
    assertThat(ProfileRules.dateNaissance(sent, Clock.systemUTC()).fault()).isEqualTo(fault);
  }

  @Test
  void stripsTextAndHoldsItToTheColumnLengthInCharacters() {
    assertThat(ProfileRules.requiredText("prenom", "\u2003Anne ").value()).isEqualTo("Anne");
    assertThat(ProfileRules.requiredText("nom", " ").fault()).isEqualTo("must not be blank");
    assertThat(ProfileRules.optionalText("localite", " ").value()).isNull();
    assertThat(ProfileRules.requiredText("nom", "\uD83D\uDE00".repeat(100)).isValid()).isTrue();
    assertThat(ProfileRules.requiredText("nom", "x".repeat(101)).fault())
        .isEqualTo("must be at most 100 characters");
    assertThat(ProfileRules.npa("120").fault()).isEqualTo("must be exactly 4 digits");
  }

  /** 23:30 UTC on 14 June is already 15 June in Zurich: 14 June is past there, 15 June is not. */
  @Test
  void judgesThePastByTheSwissCalendarWhateverTheClocksZone() {
    Clock lateEveningUtc = Clock.fixed(Instant.parse("2026-06-14T23:30:00Z"), ZoneOffset.UTC);

    assertThat(ProfileRules.dateNaissance("2026-06-14", lateEveningUtc).value())
        .isEqualTo(LocalDate.of(2026, 6, 14));
    assertThat(ProfileRules.dateNaissance("2026-06-15", lateEveningUtc).fault())
        .isEqualTo("must be in the past");
    assertThat(ProfileRules.dateNaissance("1899-12-31", lateEveningUtc).fault())
        .isEqualTo("must not be before 1900-01-01");
    assertThat(ProfileRules.dateNaissance("14.06.1990", lateEveningUtc).fault())
        .isEqualTo("must be a date as YYYY-MM-DD");
  }
}
