package ch.moveacces.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraceSealTest {

  @Test
  void opensOnlyWithTheTokenItWasSealedUnder() {
    String token = RefreshTokens.generate();
    String sealed = GraceSeal.seal(token, "access\nrefresh");

    assertThat(sealed).doesNotContain("access").doesNotContain("refresh");
    assertThat(GraceSeal.open(token, sealed)).contains("access\nrefresh");
    assertThat(GraceSeal.open(RefreshTokens.generate(), sealed)).isEmpty();
  }

  @Test
  void refreshTokensAre256RandomBitsAndStoredOnlyAsTheirSha256() {
    String token = RefreshTokens.generate();
    assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(RefreshTokens.generate());
    assertThat(RefreshTokens.hash(token))
        .matches("[0-9a-f]{64}")
        .isEqualTo(RefreshTokens.hash(token));
  }
}
