package ch.moveacces.profile.me;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The profile as clients see it; absent optional fields are {@code null}, never left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ProfileView(
    long userId,
    String email,
    String nom,
    String prenom,
    @Nullable LocalDate dateNaissance,
    @Nullable String rue,
    @Nullable String npa,
    @Nullable String localite,
    @Nullable String tel,
    Instant createdAt,
    Instant updatedAt) {

  static ProfileView of(Profile profile) {
    ProfileFields fields = profile.fields();
    return new ProfileView(
        profile.userId(),
        profile.email(),
        fields.nom(),
        fields.prenom(),
        fields.dateNaissance(),
        fields.rue(),
        fields.npa(),
        fields.localite(),
        fields.tel(),
        profile.createdAt(),
        profile.updatedAt());
  }
}
