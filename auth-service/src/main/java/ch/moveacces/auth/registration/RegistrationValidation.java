package ch.moveacces.auth.registration;

import ch.moveacces.auth.account.Emails;
import ch.moveacces.auth.account.NewAccount;
import ch.moveacces.auth.password.PasswordPolicy;
import ch.moveacces.auth.problem.FieldErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a registration against the columns it fills (lengths of the legacy schema) and the
 * password policy, and reports every field at fault at once.
 */
@Component
class RegistrationValidation {

  private static final Pattern NPA = Pattern.compile("\\d{4}");
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

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
    String nom = required(errors, "nom", request.nom(), 100);
    String prenom = required(errors, "prenom", request.prenom(), 100);
    LocalDate dateNaissance = dateNaissance(errors, request.dateNaissance());
    String rue = optional(errors, "rue", request.rue(), 255);
    String npa = optional(errors, "npa", request.npa(), 4);
    if (npa != null && !NPA.matcher(npa).matches()) {
      errors.add("npa", "must be 4 digits");
    }
    String localite = optional(errors, "localite", request.localite(), 100);
    String tel =
        optional(errors, "tel", request.tel() == null ? null : request.tel().replace(" ", ""), 20);
    if (tel != null && !E164.matcher(tel).matches()) {
      errors.add("tel", "must be an international number such as +41791234567");
    }
    errors.throwIfAny();
    return new NewAccount(email, nom, prenom, dateNaissance, rue, npa, localite, tel);
  }

  private static String required(
      FieldErrors errors, String field, @Nullable String value, int max) {
    String trimmed = optional(errors, field, value, max);
    if (trimmed == null) {
      errors.add(field, "is required");
      return "";
    }
    return trimmed;
  }

  private static @Nullable String optional(
      FieldErrors errors, String field, @Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.codePointCount(0, trimmed.length()) > max) {
      errors.add(field, "must be at most " + max + " characters long");
    }
    return trimmed;
  }

  private @Nullable LocalDate dateNaissance(FieldErrors errors, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value.strip());
      if (!date.isBefore(LocalDate.now(clock)) || date.isBefore(LocalDate.of(1900, 1, 1))) {
        errors.add("date_naissance", "must be a date in the past");
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.add("date_naissance", "must be a date such as 1990-04-12");
      return null;
    }
  }
}
