package ch.moveacces.profile.me;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as members type them ("079 123 45 67"), stored in E.164 ("+41791234567"). */
final class PhoneNumbers {

  /** Numbers without a country code are Swiss. */
  static final String DEFAULT_REGION = "CH";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  static Optional<String> toE164(String typed) {
    try {
      PhoneNumber number = UTIL.parse(typed, DEFAULT_REGION);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException notANumber) {
      return Optional.empty();
    }
  }
}
