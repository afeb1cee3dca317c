package ch.moveacces.auth.registration;

import ch.moveacces.auth.account.Emails;
import ch.moveacces.auth.account.NewAccount;
import ch.moveacces.auth.password.PasswordPolicy;
import ch.moveacces.platform.defaults.problem.FieldErrors;
import ch.moveacces.platform.profile.Checked;
import ch.moveacces.platform.profile.ProfileRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a registration: the email, the password policy, and the profile fields by {@link
 * ProfileRules}, the rules profile-service applies when the member changes them later, so that a
 * value accepted (and normalised) by one is accepted and stored alike by the other. Reports every
 * field at fault at once.
 */
@Component
class RegistrationValidation {

  private final PasswordPolicy policy;
  private final Clock clock;

  RegistrationValidation(PasswordPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  NewAccount validate(RegistrationRequest request) {
    FieldErrors errors = new FieldErrors();
    String email = Emails.normalise(request.email());
    if (email.isEmpty()) {
      errors.add("email", "is required");
    } else if (!Emails.isValid(email)) {
      errors.add("email", "is not a valid email address");
    }
    if (request.password() == null || request.password().isEmpty()) {
      errors.add("password", "is required");
    } else {
      policy.violations(request.password(), email).forEach(v -> errors.add("password", v));
    }
    String nom = required(errors, "nom", request.nom());
    String prenom = required(errors, "prenom", request.prenom());
    LocalDate dateNaissance =
        optional(
            errors,
            "date_naissance",
            request.dateNaissance(),
            sent -> ProfileRules.dateNaissance(sent, clock));
    String rue =
        optional(errors, "rue", request.rue(), sent -> ProfileRules.optionalText("rue", sent));
    String npa = optional(errors, "npa", request.npa(), ProfileRules::npa);
    String localite =
        optional(
            errors,
            "localite",
            request.localite(),
            sent -> ProfileRules.optionalText("localite", sent));
    String tel = optional(errors, "tel", request.tel(), ProfileRules::tel);
    errors.throwIfAny();
    return new NewAccount(email, nom, prenom, dateNaissance, rue, npa, localite, tel);
  }

  private static String required(FieldErrors errors, String field, @Nullable String sent) {
    if (sent == null) {
      errors.add(field, "is required");
      return "";
    }
    Checked<String> checked = ProfileRules.requiredText(field, sent);
    if (!checked.isValid()) {
      errors.add(field, Objects.requireNonNull(checked.fault()));
      return "";
    }
    return Objects.requireNonNull(checked.value());
  }

  private static <T> @Nullable T optional(
      FieldErrors errors, String field, @Nullable String sent, Function<String, Checked<T>> rule) {
    if (sent == null) {
      return null;
    }
    Checked<T> checked = rule.apply(sent);
    if (!checked.isValid()) {
      errors.add(field, Objects.requireNonNull(checked.fault()));
      return null;
    }
    return checked.value();
  }
}
