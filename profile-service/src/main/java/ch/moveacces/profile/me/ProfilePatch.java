package ch.moveacces.profile.me;

import ch.moveacces.platform.defaults.problem.FieldErrors;
import ch.moveacces.platform.defaults.problem.UnknownFieldException;
import ch.moveacces.platform.defaults.problem.ValidationFailedException;
import ch.moveacces.platform.profile.Checked;
import ch.moveacces.platform.profile.ProfileRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) of a profile: a field present with a value sets it, present with
 * {@code null} removes it, absent leaves it. Every value is checked and normalised by {@link
 * ProfileRules}, the rules registration applies too; all faults are reported at once.
 */
final class ProfilePatch {

  /** Part of the profile, but never changed through it. */
  private static final Set<String> IMMUTABLE =
      Set.of("user_id", "email", "created_at", "updated_at");

  private static final Set<String> EDITABLE =
      Set.of("nom", "prenom", "date_naissance", "rue", "npa", "localite", "tel");

  private final JsonNode patch;
  private final FieldErrors errors = new FieldErrors();

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
        errors.add(field, "cannot be changed");
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
    errors.throwIfAny();
    return patched;
  }

  private String required(String field, String current) {
    if (!patch.has(field)) {
      return current;
    }
    if (patch.get(field).isNull()) {
      errors.add(field, "cannot be removed");
      return current;
    }
    String sent = string(field);
    if (sent == null) {
      return current;
    }
    Checked<String> checked = ProfileRules.requiredText(field, sent);
    return checked.isValid()
        ? Objects.requireNonNull(checked.value())
        : fault(field, checked, current);
  }

  private @Nullable String optionalText(String field, @Nullable String current) {
    return optional(field, current, sent -> ProfileRules.optionalText(field, sent));
  }

  private @Nullable String npa(@Nullable String current) {
    return optional("npa", current, ProfileRules::npa);
  }

  private @Nullable String tel(@Nullable String current) {
    return optional("tel", current, ProfileRules::tel);
  }

  private @Nullable LocalDate birthDate(@Nullable LocalDate current, Clock clock) {
    return optional("date_naissance", current, sent -> ProfileRules.dateNaissance(sent, clock));
  }

  /** An optional field: absent keeps it, {@code null} or blank empties it, else its rule. */
  private <T> @Nullable T optional(
      String field, @Nullable T current, Function<String, Checked<T>> rule) {
    if (!patch.has(field)) {
      return current;
    }
    if (patch.get(field).isNull()) {
      return null;
    }
    String sent = string(field);
    if (sent == null) {
      return current;
    }
    Checked<T> checked = rule.apply(sent);
    return checked.isValid() ? checked.value() : fault(field, checked, current);
  }

  private <T> T fault(String field, Checked<?> checked, T current) {
    errors.add(field, Objects.requireNonNull(checked.fault()));
    return current;
  }

  /** The string as sent, or null for a value of another type (reported). */
  private @Nullable String string(String field) {
    JsonNode node = patch.get(field);
    if (!node.isString()) {
      errors.add(field, "must be a string");
      return null;
    }
    return node.stringValue();
  }
}
