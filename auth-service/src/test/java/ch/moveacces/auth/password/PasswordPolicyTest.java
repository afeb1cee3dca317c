package ch.moveacces.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static final CommonPasswords COMMON = CommonPasswords.load();
  private final PasswordPolicy policy = new PasswordPolicy(COMMON);

  @Test
  void shipsAtLeastTenThousandCommonPasswords() {
    assertThat(COMMON.size()).isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void acceptsALongPassphraseWithoutCompositionRules() {
    assertThat(policy.violations("correct horse battery staple", "anna@example.ch")).isEmpty();
  }

  @Test
  void countsCharactersAfterNfkcNormalisation() {
    // eleven characters plus one full-width "Ａ", which NFKC turns into "A"
    assertThat(policy.violations("abcdefghijkＡ", "anna@example.ch")).isEmpty();
    assertThat(policy.violations("ééééééééééé", "anna@example.ch")).hasSize(1);
  }

  @Test
  void refusesShortAndOverlongPasswords() {
    assertThat(policy.violations("elevenchars", "anna@example.ch"))
        .containsExactly("must be at least 12 characters long");
    assertThat(policy.violations("x".repeat(129), "anna@example.ch"))
        .containsExactly("must be at most 128 characters long");
    assertThat(policy.violations("x".repeat(128), "anna@example.ch")).isEmpty();
  }

  @Test
  void refusesCommonPasswordsWhateverTheirCase() {
    assertThat(policy.violations("qwertyuiop123", "anna@example.ch"))
        .containsExactly("is one of the most common passwords");
    assertThat(policy.violations("QWERTYUIOP123", "anna@example.ch"))
        .containsExactly("is one of the most common passwords");
  }

  @Test
  void refusesPasswordsContainingTheEmailsLocalPart() {
    assertThat(policy.violations("I am Jean.Dupont, hello", "jean.dupont@example.ch"))
        .containsExactly("must not contain the email address");
  }

  @Test
  void ignoresLocalPartsShorterThanThreeCharacters() {
    assertThat(policy.violations("jo is a long passphrase", "jo@example.ch")).isEmpty();
  }
}
