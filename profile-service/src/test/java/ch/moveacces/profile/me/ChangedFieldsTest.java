package ch.moveacces.profile.me;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChangedFieldsTest {

  private static final ProfileFields ANNA =
      new ProfileFields(
          "Muster",
          "Anna",
          LocalDate.of(1985, 6, 1),
          "Rue de Lausanne 1",
          "1201",
          "Genève",
          "+41221234567");

  @Test
  void namesNothingWhenEveryValueIsTheSame() {
    ProfileFields same =
        new ProfileFields(
            "Muster",
            "Anna",
            LocalDate.of(1985, 6, 1),
            "Rue de Lausanne 1",
            "1201",
            "Genève",
            "+41221234567");

    assertThat(ChangedFields.between(ANNA, same)).isEmpty();
  }

  @Test
  void namesTheChangedFieldsByTheirApiNamesInProfileOrder() {
    ProfileFields changed =
        new ProfileFields(
            "Muster", "Anne", LocalDate.of(1990, 4, 12), null, "1201", "Lausanne", "+41221234567");

    assertThat(ChangedFields.between(ANNA, changed))
        .containsExactly("prenom", "date_naissance", "rue", "localite");
  }

  @Test
  void namesAFieldThatIsSetWhereItWasEmpty() {
    ProfileFields empty = new ProfileFields("Muster", "Anna", null, null, null, null, null);

    assertThat(ChangedFields.between(empty, ANNA))
        .containsExactly("date_naissance", "rue", "npa", "localite", "tel");
  }

  @Test
  void tellsApartValuesThatDifferOnlyInCase() {
    ProfileFields lowerCase =
        new ProfileFields(
            "muster",
            "Anna",
            LocalDate.of(1985, 6, 1),
            "Rue de Lausanne 1",
            "1201",
            "Genève",
            "+41221234567");

    assertThat(ChangedFields.between(ANNA, lowerCase)).containsExactly("nom");
  }
}
