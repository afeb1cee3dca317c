package ch.moveacces.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RefreshCookieTest {

  @Test
  void isHttpOnlySecureStrictOnAuthOnlyAndLivesAsLongAsItsSession() {
    assertThat(RefreshCookie.of("token", Duration.ofHours(24)).toString())
        .startsWith("moveacces_refresh=token; Path=/auth; Max-Age=86400;")
        .contains("; Secure", "; HttpOnly", "; SameSite=Strict");
  }

  @Test
  void isClearedWithTheSameNameAndPath() {
    assertThat(RefreshCookie.cleared().toString())
        .startsWith("moveacces_refresh=; Path=/auth; Max-Age=0;")
        .contains("; Secure", "; HttpOnly", "; SameSite=Strict");
  }

  @Test
  void readsTheTokenOfARequestAndTakesAnEmptyOneForNone() {
    assertThat(
            RefreshCookie.from(
                MockServerHttpRequest.post("/auth/refresh")
                    .cookie(new HttpCookie(RefreshCookie.NAME, "token"))
                    .build()))
        .contains("token");
    MockServerHttpRequest empty =
        MockServerHttpRequest.post("/auth/refresh")
            .cookie(new HttpCookie(RefreshCookie.NAME, ""))
            .build();
    assertThat(RefreshCookie.from(empty)).isEmpty();
    assertThat(RefreshCookie.isIn(empty)).isTrue();
    assertThat(RefreshCookie.isIn(MockServerHttpRequest.post("/auth/refresh").build())).isFalse();
  }
}
