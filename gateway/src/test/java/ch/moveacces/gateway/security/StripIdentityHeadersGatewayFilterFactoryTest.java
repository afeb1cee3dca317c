package ch.moveacces.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripIdentityHeadersGatewayFilterFactoryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X-User-Id",
        "x-user-email",
        "X-USER-ROLES",
        "X-Authenticated-User",
        "X-Authenticated-Userid",
        "X-Forwarded-User",
        "X-Auth-Request-Email",
        "X-Remote-User",
        "Remote-User",
        "X-User"
      })
  void recognisesIdentityHeaders(String name) {
    assertThat(StripIdentityHeadersGatewayFilterFactory.isIdentity(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Authorization", "X-Trace-Id", "traceparent", "User-Agent", "X-Forwarded-For"})
  void leavesOtherHeaders(String name) {
    assertThat(StripIdentityHeadersGatewayFilterFactory.isIdentity(name)).isFalse();
  }
}
