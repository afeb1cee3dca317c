package ch.moveacces.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The log lines that carried a socket's ticket or token (WebFlux's request line, the gateway's
 * route mapping, Reactor Netty's client) are masked; lines without one are left alone.
 */
class UrlCredentialsMaskedTest {

  @Test
  void masksTicketsAndTokensWhereverTheLineNamesAUrl() {
    assertThat(UrlCredentialsMasked.mask("HTTP GET \"/ws?ticket=Zm9v-YmFy_0\""))
        .isEqualTo("HTTP GET \"/ws?ticket=[masked]\"");
    assertThat(
            UrlCredentialsMasked.mask(
                "Handler is being applied: {uri=ws://127.0.0.1:8085/ws?resume=1&token=eyJ.eyJ.sig, method=GET}"))
        .isEqualTo(
            "Handler is being applied: {uri=ws://127.0.0.1:8085/ws?resume=1&token=[masked], method=GET}");
    assertThat(UrlCredentialsMasked.mask("Mapping [Exchange: GET http://h/ws?TOKEN=abc&x=1]"))
        .isEqualTo("Mapping [Exchange: GET http://h/ws?TOKEN=[masked]&x=1]");
    assertThat(UrlCredentialsMasked.mask("Mapping [Exchange: GET http://h/ws?ticket=abc] to Route"))
        .isEqualTo("Mapping [Exchange: GET http://h/ws?ticket=[masked]] to Route");
    assertThat(UrlCredentialsMasked.mask("/cb?access_token=abc#state"))
        .isEqualTo("/cb?access_token=[masked]#state");
  }

  @Test
  void leavesEverythingElseAlone() {
    String line = "Route matched: realtime-service-websocket, path=/ws, tokens=none";
    assertThat(UrlCredentialsMasked.mask(line)).isEqualTo(line);
    assertThat(UrlCredentialsMasked.mask("no query here")).isEqualTo("no query here");
  }
}
