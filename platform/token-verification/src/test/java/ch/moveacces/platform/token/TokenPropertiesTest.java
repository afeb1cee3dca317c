package ch.moveacces.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class TokenPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ValidationAutoConfiguration.class, TokenVerificationAutoConfiguration.class));

  @Test
  void defaultsToTheContractOfAuthService() {
    context.run(
        started -> {
          TokenProperties properties = started.getBean(TokenProperties.class);
          assertThat(properties.jwkSetUri())
              .hasToString("http://127.0.0.1:8081/.well-known/jwks.json");
          assertThat(properties.issuer()).isEqualTo("moveacces-auth");
          assertThat(properties.audience()).isEqualTo("moveacces-api");
          assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
          assertThat(started).hasSingleBean(AccessTokenDecoder.class);
        });
  }

  @Test
  void refusesToStartWithAClockSkewOverThirtySeconds() {
    context
        .withPropertyValues("moveacces.tokens.clock-skew=31s")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void refusesToStartWithoutAnIssuer() {
    context
        .withPropertyValues("moveacces.tokens.issuer= ")
        .run(started -> assertThat(started).hasFailed());
  }
}
