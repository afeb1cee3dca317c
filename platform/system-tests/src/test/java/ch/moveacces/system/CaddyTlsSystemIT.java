package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public entry point as in production, on the devstack: Caddy in front of the gateway with the
 * TLS, redirect, headers and limits of deploy/Caddyfile. The client trusts Caddy's own CA and
 * nothing else, as a device that installed it would.
 *
 * <p>Register and login, {@code GET /users/me} with the token, HSTS and the gateway's headers, no
 * {@code Server} header, {@code /actuator} 404; a ticket opens {@code wss://…/ws}, which answers a
 * ping and pushes the member's profile change; plain HTTP answers 308 to the same path on HTTPS.
 * Without caddy on the PATH the test is skipped with a message on the console; {@code
 * MOVEACCES_DEPLOY_TOOLS_REQUIRED=true} makes it fail instead.
 */
@WithRunningSystem
class CaddyTlsSystemIT {

  private static final String PASSWORD = "Tram-de-nuit-2026 gare";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void servesTheApiAndItsWebSocketOverTlsWithTheEdgesHeadersAndRedirectsHttp(RunningSystem system)
      throws Exception {
    Tools.requireCaddy();
    RunningSystem.Https https =
        system.https().orElseThrow(() -> new AssertionError("caddy is installed, yet no Caddy"));
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(https.rootCertificate()))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI api = https.url();

    String email = "tls-" + UUID.randomUUID() + "@example.ch";
    HttpResponse<String> registered =
        send(
            client,
            post(
                api.resolve("/auth/register"),
                Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Ada")));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> login =
        send(
            client, post(api.resolve("/auth/login"), Map.of("email", email, "password", PASSWORD)));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.sslSession()).as("answered over TLS").isPresent();
    String token = JSON.readTree(login.body()).path("access_token").asString();

    HttpResponse<String> me = send(client, request(api.resolve("/users/me"), token).GET().build());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).path("email").asString()).isEqualTo(email);
    assertThat(me.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(
            hsts -> assertThat(hsts).startsWith("max-age=").contains("includeSubDomains"));
    assertThat(me.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(me.headers().firstValue("X-Trace-Id")).isPresent();
    assertThat(me.headers().firstValue("Server")).as("Server header").isEmpty();

    HttpResponse<String> actuator =
        send(client, HttpRequest.newBuilder(api.resolve("/actuator/health")).build());
    assertThat(actuator.statusCode()).as("actuator through Caddy").isEqualTo(404);

    assertRedirectsToHttps(https);
    assertWebSocketOverTls(client, api, token);
  }

  private static void assertRedirectsToHttps(RunningSystem.Https https) throws Exception {
    HttpResponse<String> plain =
        send(
            HttpClient.newHttpClient(),
            HttpRequest.newBuilder(https.redirectFrom().resolve("/users/me?lang=fr")).build());
    assertThat(plain.statusCode()).isIn(301, 308);
    assertThat(plain.headers().firstValue("Location"))
        .hasValue("https://localhost:" + https.url().getPort() + "/users/me?lang=fr");
  }

  /** A ticket opens the socket over wss; it answers a ping and pushes the member's change. */
  private static void assertWebSocketOverTls(HttpClient client, URI api, String token)
      throws Exception {
    HttpResponse<String> ticket =
        send(
            client,
            request(api.resolve("/realtime/ticket"), token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(200);
    Socket socket = new Socket();
    URI wss =
        URI.create(
            "wss://"
                + api.getAuthority()
                + "/ws?ticket="
                + JSON.readTree(ticket.body()).path("ticket").asString());
    WebSocket webSocket =
        client
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(wss, socket)
            .orTimeout(15, TimeUnit.SECONDS)
            .join();
    try {
      assertThat(socket.next().path("type").asString()).isEqualTo("ready");
      webSocket.sendText("{\"type\":\"ping\"}", true).join();
      assertThat(socket.next().path("type").asString()).isEqualTo("pong");

      HttpResponse<String> edited =
          send(
              client,
              request(api.resolve("/users/me"), token)
                  .header("Content-Type", "application/merge-patch+json")
                  .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"localite\":\"Sion\"}"))
                  .build());
      assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
      assertThat(socket.next().path("type").asString())
          .isEqualTo("ch.moveacces.profile.profile-updated.v1");
    } finally {
      webSocket.abort();
    }
  }

  /** Trusts exactly the root certificate of Caddy's own CA. */
  private static SSLContext trusting(Path rootCertificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(rootCertificate)) {
      trusted.setCertificateEntry(
          "caddy-local-root", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }

  private static HttpRequest.Builder request(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpRequest post(URI uri, Map<String, ?> body) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The messages a socket received, in order. */
  private static final class Socket implements WebSocket.Listener {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private StringBuilder partial = new StringBuilder();

    JsonNode next() throws InterruptedException {
      String text = messages.poll(10, TimeUnit.SECONDS);
      assertThat(text).as("a message within 10 s").isNotNull();
      return JSON.readTree(text);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial = new StringBuilder();
      }
      socket.request(1);
      return null;
    }
  }
}
