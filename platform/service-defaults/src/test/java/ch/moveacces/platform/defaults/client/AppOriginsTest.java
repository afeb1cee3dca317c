package ch.moveacces.platform.defaults.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOriginsTest {

  private final AppOrigins origins =
      new AppOrigins(List.of(" https://app.example.ch ", "", "http://localhost:5173"));

  @Test
  void allowsTheAppOriginsAsCorsComparesThem() {
    assertThat(origins.appOrigins())
        .containsExactly("https://app.example.ch", "http://localhost:5173");
    assertThat(origins.allow("https://app.example.ch")).isTrue();
    assertThat(origins.allow("HTTPS://APP.example.ch/")).isTrue();
    assertThat(origins.allow("http://localhost:5173")).isTrue();
  }

  @Test
  void refusesAnyOtherOriginAndNone() {
    assertThat(origins.allow("https://evil.example")).isFalse();
    assertThat(origins.allow("https://app.example.ch.evil.example")).isFalse();
    assertThat(origins.allow("http://localhost:5174")).isFalse();
    assertThat(origins.allow("null")).isFalse();
    assertThat(origins.allow(null)).isFalse();
    assertThat(new AppOrigins(null).allow("https://app.example.ch")).isFalse();
  }

  @Test
  void neverAWildcardThatWouldGiveAnySiteCredentials() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AppOrigins(Arrays.asList("https://app.example.ch", "*")));
  }
}
