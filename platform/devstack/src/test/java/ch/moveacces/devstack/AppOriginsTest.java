package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code APP_ORIGINS}: its value and the applications that get it. */
class AppOriginsTest {

  private final Layout layout = new Layout(3306, 6379, 9092, Layout.appPorts(8080));

  @Test
  void allowsTheAppServerUnderBothNamesAndVitesDevServer() {
    assertThat(AppOrigins.of(URI.create("http://127.0.0.1:8086"), Map.of()))
        .containsExactly(
            "http://127.0.0.1:8086",
            "http://localhost:8086",
            "http://localhost:5173",
            "http://127.0.0.1:5173");
  }

  @Test
  void allowsVitesDevServerAloneWhenTheAppIsNotBuilt() {
    assertThat(AppOrigins.of(null, Map.of()))
        .containsExactly("http://localhost:5173", "http://127.0.0.1:5173");
  }

  @Test
  void appendsTheOriginsOfTheDevstacksOwnEnvironment() {
    Map<String, String> environment =
        Map.of(
            "APP_ORIGINS", " https://app.example.ch, ,http://localhost:5173,http://10.0.0.5:8086");

    assertThat(AppOrigins.of(URI.create("http://127.0.0.1:18086"), environment))
        .containsExactly(
            "http://127.0.0.1:18086",
            "http://localhost:18086",
            "http://localhost:5173",
            "http://127.0.0.1:5173",
            "https://app.example.ch",
            "http://10.0.0.5:8086");
  }

  @Test
  void givesThemToTheGatewayAuthServiceAndRealtimeServiceOnly() {
    Layout withApp =
        layout.withAppOrigins(AppOrigins.of(URI.create("http://127.0.0.1:8086"), Map.of()));

    for (Application app : List.of(Application.GATEWAY, Application.AUTH, Application.REALTIME)) {
      assertThat(app.environment(withApp))
          .as(app.module())
          .containsEntry(
              "APP_ORIGINS",
              "http://127.0.0.1:8086,http://localhost:8086,http://localhost:5173,"
                  + "http://127.0.0.1:5173");
    }
    for (Application app :
        List.of(Application.PROFILE, Application.SUBSCRIPTION, Application.AUDIT)) {
      assertThat(app.environment(withApp)).as(app.module()).doesNotContainKey("APP_ORIGINS");
    }
    assertThat(Application.GATEWAY.environment(layout)).doesNotContainKey("APP_ORIGINS");
  }

  @Test
  void keepsThemThroughTheOtherSettingsOfTheLayout() {
    Layout withApp =
        layout
            .withAppOrigins(List.of("http://127.0.0.1:8086"))
            .withTracesEndpoint(URI.create("http://127.0.0.1:4318/v1/traces"))
            .withZipkinEndpoint(URI.create("http://127.0.0.1:9411/api/v2/spans"));

    assertThat(withApp.appOrigins()).containsExactly("http://127.0.0.1:8086");
  }
}
