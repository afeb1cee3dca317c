package ch.moveacces.auth.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The sign-up form as sent; every field is checked by {@link RegistrationValidation}. */
record RegistrationRequest(
    @Nullable String email,
    @Nullable String password,
    @Nullable String nom,
    @Nullable String prenom,
    @JsonProperty("date_naissance") @Nullable String dateNaissance,
    @Nullable String rue,
    @Nullable String npa,
    @Nullable String localite,
    @Nullable String tel) {

  /** Spring logs decoded bodies at debug level: never the password. */
  @Override
  public String toString() {
    return "RegistrationRequest[email=" + email + ", password=***]";
  }
}
