package ch.moveacces.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.gateway.ratelimit.RateLimitProperties.Limit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private final Policy login =
      new Policy("login-ip", new Limit(5, Duration.ofMinutes(1)), "1.2.3.4", true);

  @Test
  void describesItselfInTheIetfHeaderSyntax() {
    assertThat(login.policyItem()).isEqualTo("\"login-ip\";q=5;w=60");
    assertThat(login.stateItem(new Verdict(false, 0, 36_200))).isEqualTo("\"login-ip\";r=0;t=37");
  }

  @Test
  void neverTellsAClientToRetryInZeroSeconds() {
    assertThat(new Verdict(false, 0, 0).resetSeconds()).isEqualTo(1);
  }

  @Test
  void keysEachPolicyAndCallerApart() {
    assertThat(login.redisKey()).isEqualTo("gateway:rate:login-ip:1.2.3.4");
  }

  @Test
  void countsLoginsPerNormalisedEmailWithoutKeepingTheAddress() {
    String hashed =
        LoginEmails.hashedEmail(
                "{\"email\":\" Someone@Example.CH \",\"password\":\"x\"}"
                    .getBytes(StandardCharsets.UTF_8))
            .orElseThrow();

    assertThat(hashed).hasSize(64).doesNotContain("example");
    assertThat(
            LoginEmails.hashedEmail(
                "{\"email\":\"someone@example.ch\"}".getBytes(StandardCharsets.UTF_8)))
        .contains(hashed);
    assertThat(LoginEmails.hashedEmail("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(LoginEmails.hashedEmail("{\"email\":42}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }
}
