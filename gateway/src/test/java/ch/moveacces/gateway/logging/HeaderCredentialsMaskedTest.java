package ch.moveacces.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The refresh cookie and bearer tokens are masked in the header lines the gateway's loggers write;
 * a {@code WWW-Authenticate} challenge and a cleared cookie are left alone.
 */
class HeaderCredentialsMaskedTest {

  @Test
  void masksTheRefreshCookieInRequestAndResponseHeaders() {
    assertThat(
            HeaderCredentialsMasked.mask(
                "Will instrument the HTTP request headers [Origin:\"http://localhost:5173\","
                    + " cookie:\"moveacces_refresh=Zm9v-YmFy_0\", Content-Length:\"0\"]"))
        .isEqualTo(
            "Will instrument the HTTP request headers [Origin:\"http://localhost:5173\","
                + " cookie:\"moveacces_refresh=[masked]\", Content-Length:\"0\"]");
    assertThat(
            HeaderCredentialsMasked.mask(
                "Set-Cookie: moveacces_refresh=abc_DEF-123; Path=/auth; Max-Age=86400; HttpOnly"))
        .isEqualTo("Set-Cookie: moveacces_refresh=[masked]; Path=/auth; Max-Age=86400; HttpOnly");
    assertThat(HeaderCredentialsMasked.mask("cookie=other=1; moveacces_refresh=abc, x"))
        .isEqualTo("cookie=other=1; moveacces_refresh=[masked], x");
  }

  @Test
  void masksBearerTokens() {
    assertThat(
            HeaderCredentialsMasked.mask(
                "[Authorization:\"Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\"]"))
        .isEqualTo("[Authorization:\"Bearer [masked]\"]");
    assertThat(HeaderCredentialsMasked.mask("authorization: bearer abcdefghijklmnopqrstuvwxyz=="))
        .isEqualTo("authorization: bearer [masked]");
  }

  @Test
  void leavesEverythingElseAlone() {
    String challenge = "WWW-Authenticate: Bearer error=\"invalid_token\"";
    assertThat(HeaderCredentialsMasked.mask(challenge)).isEqualTo(challenge);
    String cleared = "Set-Cookie: moveacces_refresh=; Path=/auth; Max-Age=0";
    assertThat(HeaderCredentialsMasked.mask(cleared)).isEqualTo(cleared);
    assertThat(HeaderCredentialsMasked.mask("no credentials here"))
        .isEqualTo("no credentials here");
  }
}
