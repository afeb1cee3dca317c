package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.defaults.client.AppOrigins;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class SocketOriginsTest {

  private final SocketOrigins origins =
      new SocketOrigins(new AppOrigins(List.of("https://app.example.ch")));

  @Test
  void letsTheAppsPagesAndNativeClientsIn() {
    assertThat(origins.allow(upgrade("realtime.internal:8085", "https://app.example.ch"))).isTrue();
    assertThat(origins.allow(upgrade("realtime.internal:8085", null))).isTrue();
  }

  @Test
  void letsInAClientThatNamesTheSocketsOwnHostAsNettyDoes() {
    assertThat(origins.allow(upgrade("127.0.0.1:8085", "http://127.0.0.1:8085"))).isTrue();
    assertThat(origins.allow(upgrade("Realtime-Service:8085", "http://realtime-service:8085")))
        .isTrue();
  }

  @Test
  void refusesAnyOtherSitesPage() {
    assertThat(origins.allow(upgrade("realtime.internal:8085", "https://evil.example"))).isFalse();
    assertThat(origins.allow(upgrade("realtime.internal:8085", "null"))).isFalse();
    assertThat(origins.allow(upgrade("realtime.internal:8085", "http://realtime.internal:8086")))
        .isFalse();
    assertThat(origins.allow(upgrade("realtime.internal:8085", "http://[bad"))).isFalse();
  }

  private static MockServerHttpRequest upgrade(String host, String origin) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("/ws").header("Host", host).header("Upgrade", "websocket");
    if (origin != null) {
      request.header("Origin", origin);
    }
    return request.build();
  }
}
