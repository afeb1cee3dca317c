package ch.moveacces.platform.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the profile columns of {@code users}, applied to a value as a member sent it: at
 * registration (auth-service) and at every change (profile-service), so that whatever one accepts
 * the other accepts too, stored alike. Each value is stripped of surrounding whitespace first and
 * refused with a control character in it; a blank optional value leaves the field empty.
 */
public final class ProfileRules {

  /** "In the past" is judged by the calendar of the members, who are in Switzerland. */
  public static final ZoneId MEMBERS_ZONE = ZoneId.of("Europe/Zurich");

  public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  /** Phone numbers without a country code are Swiss. */
  public static final String DEFAULT_PHONE_REGION = "CH";

  /** The lengths of the legacy columns, in characters. */
  public static final Map<String, Integer> MAX_LENGTHS =
      Map.of("nom", 100, "prenom", 100, "rue", 255, "localite", 100);

  private static final Pattern NPA = Pattern.compile("[0-9]{4}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private ProfileRules() {}

  /** {@code nom}, {@code prenom}: text that must not be blank. */
  public static Checked<String> requiredText(String field, String sent) {
    Checked<String> text = text(sent);
    if (!text.isValid()) {
      return text;
    }
    String value = text.value();
    if (value == null || value.isEmpty()) {
      return Checked.invalid("must not be blank");
    }
    return withinLength(field, value);
  }

  /** {@code rue}, {@code localite}: text, or empty when blank. */
  public static Checked<String> optionalText(String field, String sent) {
    Checked<String> text = text(sent);
    String value = text.value();
    if (!text.isValid() || value == null || value.isEmpty()) {
      return emptyWhenBlank(text);
    }
    return withinLength(field, value);
  }

  /** A Swiss postcode: exactly four digits. */
  public static Checked<String> npa(String sent) {
    Checked<String> text = text(sent);
    String value = text.value();
    if (!text.isValid() || value == null || value.isEmpty()) {
      return emptyWhenBlank(text);
    }
    return NPA.matcher(value).matches()
        ? Checked.valid(value)
        : Checked.invalid("must be exactly 4 digits");
  }

  /** Any valid number as members type it ("079 123 45 67"), in E.164 ("+41791234567"). */
  public static Checked<String> tel(String sent) {
    Checked<String> text = text(sent);
    String value = text.value();
    if (!text.isValid() || value == null || value.isEmpty()) {
      return emptyWhenBlank(text);
    }
    try {
      PhoneNumber number = PHONES.parse(value, DEFAULT_PHONE_REGION);
      if (PHONES.isValidNumber(number)) {
        return Checked.valid(PHONES.format(number, PhoneNumberFormat.E164));
      }
    } catch (NumberParseException notANumber) {
      // refused below, like a number that parses but cannot exist
    }
    return Checked.invalid("must be a valid phone number");
  }

  /** An ISO date before today in {@link #MEMBERS_ZONE}, whatever zone the clock is in. */
  public static Checked<LocalDate> dateNaissance(String sent, Clock clock) {
    Checked<String> text = text(sent);
    String value = text.value();
    if (!text.isValid() || value == null || value.isEmpty()) {
      return text.isValid() ? Checked.valid(null) : new Checked<>(null, text.fault());
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      return Checked.invalid("must be a date as YYYY-MM-DD");
    }
    if (!date.isBefore(LocalDate.ofInstant(clock.instant(), MEMBERS_ZONE))) {
      return Checked.invalid("must be in the past");
    }
    if (date.isBefore(EARLIEST_BIRTH_DATE)) {
      return Checked.invalid("must not be before 1900-01-01");
    }
    return Checked.valid(date);
  }

  private static Checked<String> text(String sent) {
    String value = sent.strip();
    return CONTROL.matcher(value).find()
        ? Checked.invalid("must not contain control characters")
        : Checked.valid(value);
  }

  private static Checked<String> emptyWhenBlank(Checked<String> text) {
    return text.isValid() ? Checked.valid(null) : text;
  }

  private static Checked<String> withinLength(String field, String value) {
    Integer max = MAX_LENGTHS.get(field);
    if (max == null) {
      throw new IllegalArgumentException("not a text field of a profile: " + field);
    }
    return value.codePointCount(0, value.length()) > max
        ? Checked.invalid("must be at most " + max + " characters")
        : Checked.valid(value);
  }
}
