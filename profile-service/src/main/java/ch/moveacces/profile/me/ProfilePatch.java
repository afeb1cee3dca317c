package ch.moveacces.profile.me;

import ch.moveacces.platform.defaults.problem.FieldError;
import ch.moveacces.platform.defaults.problem.UnknownFieldException;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) of a profile: a field present with a value sets it, present with
 * {@code null} removes it, absent leaves it. Every value is trimmed and checked against the rules
 * and column lengths of {@code users}; all faults are reported at once.
 */
final class ProfilePatch {

  static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  /** Part of the profile, but never changed through it. */
  private static final Set<String> IMMUTABLE =
      Set.of("user_id", "email", "created_at", "updated_at");

  private static final Map<String, Integer> MAX_LENGTHS =
      Map.of("nom", 100, "prenom", 100, "rue", 255, "localite", 100);
  private static final Set<String> EDITABLE =
      Set.of("nom", "prenom", "date_naissance", "rue", "npa", "localite", "tel");
  private static final Pattern NPA = Pattern.compile("[0-9]{4}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final JsonNode patch;
  private final List<FieldError> errors = new ArrayList<>();

  private ProfilePatch(JsonNode patch) {
    this.patch = patch;
  }

  /**
   * The fields after the patch.
   *
   * @throws UnknownFieldException for a field a profile does not have (400)
   * @throws ValidationFailedException for any value that breaks a rule (422)
   */
  static ProfileFields apply(JsonNode patch, ProfileFields current, Clock clock) {
    return new ProfilePatch(patch).applyTo(current, clock);
  }

  private ProfileFields applyTo(ProfileFields current, Clock clock) {
    for (String field : patch.propertyNames()) {
      if (IMMUTABLE.contains(field)) {
        errors.add(new FieldError(field, "cannot be changed"));
      } else if (!EDITABLE.contains(field)) {
        throw new UnknownFieldException(field);
      }
    }
    ProfileFields patched =
        new ProfileFields(
            required("nom", current.nom()),
            required("prenom", current.prenom()),
            birthDate(current.dateNaissance(), clock),
            optionalText("rue", current.rue()),
            npa(current.npa()),
            optionalText("localite", current.localite()),
            tel(current.tel()));
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    return patched;
  }

  private String required(String field, String current) {
    if (!patch.has(field)) {
      return current;
    }
    String value = text(field);
    if (value == null) {
      if (patch.get(field).isNull()) {
        errors.add(new FieldError(field, "cannot be removed"));
      }
      return current;
    }
    if (value.isEmpty()) {
      errors.add(new FieldError(field, "must not be blank"));
      return current;
    }
    return withinLength(field, value) ? value : current;
  }

  private @Nullable String optionalText(String field, @Nullable String current) {
    if (!patch.has(field)) {
      return current;
    }
    String value = text(field);
    if (value == null || value.isEmpty()) {
      return null;
    }
    return withinLength(field, value) ? value : current;
  }

  private @Nullable String npa(@Nullable String current) {
    if (!patch.has("npa")) {
      return current;
    }
    String value = text("npa");
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!NPA.matcher(value).matches()) {
      errors.add(new FieldError("npa", "must be exactly 4 digits"));
      return current;
    }
    return value;
  }

  private @Nullable String tel(@Nullable String current) {
    if (!patch.has("tel")) {
      return current;
    }
    String value = text("tel");
    if (value == null || value.isEmpty()) {
      return null;
    }
    return PhoneNumbers.toE164(value)
        .orElseGet(
            () -> {
              errors.add(new FieldError("tel", "must be a valid phone number"));
              return current;
            });
  }

  private @Nullable LocalDate birthDate(@Nullable LocalDate current, Clock clock) {
    if (!patch.has("date_naissance")) {
      return current;
    }
    String value = text("date_naissance");
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (!date.isBefore(LocalDate.now(clock))) {
        errors.add(new FieldError("date_naissance", "must be in the past"));
      } else if (date.isBefore(EARLIEST_BIRTH_DATE)) {
        errors.add(new FieldError("date_naissance", "must not be before 1900-01-01"));
      } else {
        return date;
      }
    } catch (DateTimeParseException notADate) {
      errors.add(new FieldError("date_naissance", "must be a date as YYYY-MM-DD"));
    }
    return current;
  }

  /** The trimmed string, or null for JSON null and for a value of another type (reported). */
  private @Nullable String text(String field) {
    JsonNode node = patch.get(field);
    if (node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    String value = node.stringValue().strip();
    if (CONTROL.matcher(value).find()) {
      errors.add(new FieldError(field, "must not contain control characters"));
      return null;
    }
    return value;
  }

  private boolean withinLength(String field, String value) {
    int max = MAX_LENGTHS.get(field);
    if (value.codePointCount(0, value.length()) > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
      return false;
    }
    return true;
  }
}
