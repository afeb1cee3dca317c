package ch.moveacces.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-email login limit must count every spelling that auth-service signs in as one account
 * (its {@code Emails.normalise}: {@code strip()}, then lower case in {@code Locale.ROOT}).
 */
class LoginEmailsTest {

  private static Optional<String> hashed(String email) {
    return LoginEmails.hashedEmail(
        ("{\"email\":\"" + email + "\",\"password\":\"x\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "victim@x.ch",
        "VICTIM@X.CH",
        "\u2000victim@x.ch",
        "victim@x.ch\u3000",
        "\u2003\u2009Victim@X.ch\u205F",
        "\u2028victim@x.ch\u2029",
        "\\tvictim@x.ch\\n",
        "\\u001Cvictim@x.ch\\u001F"
      })
  void countsEverySpellingAuthServiceSignsInAsOneAccountAsOneEmail(String spelling)
      throws Exception {
    assertThat(hashed(spelling)).contains(sha256("victim@x.ch"));
  }

  /** Not whitespace to String.strip(), so not stripped by auth-service either: another account. */
  @ParameterizedTest
  @ValueSource(strings = {"\u00A0victim@x.ch", "\u200Bvictim@x.ch", "\\u0000victim@x.ch"})
  void keepsWhatAuthServiceKeeps(String spelling) throws Exception {
    String victim = sha256("victim@x.ch");
    assertThat(hashed(spelling)).hasValueSatisfying(hash -> assertThat(hash).isNotEqualTo(victim));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u2000\u3000"})
  void countsNoEmailForABlankOne(String spelling) {
    assertThat(hashed(spelling)).isEmpty();
  }
}
