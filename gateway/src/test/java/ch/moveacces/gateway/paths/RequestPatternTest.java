package ch.moveacces.gateway.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class RequestPatternTest {

  private static MockServerHttpRequest request(HttpMethod method, String rawPath) {
    return MockServerHttpRequest.method(method, URI.create("http://gateway" + rawPath)).build();
  }

  @Test
  void matchesThePercentDecodedPath() {
    RequestPattern login = RequestPattern.parse("POST /auth/login");

    assertThat(login.matches(request(HttpMethod.POST, "/auth/login"))).isTrue();
    assertThat(login.matches(request(HttpMethod.POST, "/auth/%6Cogin"))).isTrue();
    assertThat(login.matches(request(HttpMethod.POST, "/%61%75%74%68/logi%6e?x=1"))).isTrue();
  }

  @Test
  void keepsMethodAndSegmentsApart() {
    RequestPattern login = RequestPattern.parse("POST /auth/login");

    assertThat(login.matches(request(HttpMethod.GET, "/auth/login"))).isFalse();
    assertThat(login.matches(request(HttpMethod.POST, "/auth%2Flogin"))).isFalse();
    assertThat(login.matches(request(HttpMethod.POST, "/auth/login/x"))).isFalse();
    assertThat(login.matches(request(HttpMethod.POST, "/AUTH/login"))).isFalse();
  }

  @Test
  void matchesAnyMethodWhenNoneIsNamed() {
    RequestPattern auth = RequestPattern.parse("/auth/**");

    assertThat(auth.method()).isNull();
    assertThat(auth.matches(request(HttpMethod.DELETE, "/%61uth/sessions/1"))).isTrue();
    assertThat(auth.matches(request(HttpMethod.GET, "/users/me"))).isFalse();
  }

  @Test
  void refusesADefinitionOfMoreThanMethodAndPath() {
    assertThatThrownBy(() -> RequestPattern.parse("POST /auth/login now"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
