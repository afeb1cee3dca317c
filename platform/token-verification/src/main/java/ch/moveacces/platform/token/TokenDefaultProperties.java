package ch.moveacces.platform.token;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/** Reads the JWK set location from {@code AUTH_JWKS_URI}, the name every deployment sets. */
public class TokenDefaultProperties implements EnvironmentPostProcessor {

  static final String JWK_SET_URI = TokenProperties.PREFIX + ".jwk-set-uri";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    DefaultPropertiesPropertySource.addOrMerge(
        Map.of(JWK_SET_URI, "${AUTH_JWKS_URI:" + TokenProperties.DEFAULT_JWK_SET_URI + "}"),
        environment.getPropertySources());
  }
}
