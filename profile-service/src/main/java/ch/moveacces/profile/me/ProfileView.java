package ch.moveacces.profile.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The profile as clients see it; absent optional fields are {@code null}, never left out. Names are
 * given one by one ({@code @JsonProperty} is read by Jackson and by the OpenAPI generator alike).
 */
record ProfileView(
    @JsonProperty("user_id") long userId,
    String email,
    String nom,
    String prenom,
    @JsonProperty("date_naissance") @Nullable LocalDate dateNaissance,
    @Nullable String rue,
    @Nullable String npa,
    @Nullable String localite,
    @Nullable String tel,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

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
