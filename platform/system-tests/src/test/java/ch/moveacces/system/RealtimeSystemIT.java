package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's device on the realtime socket through the gateway, every application its own process:
 * a ticket opens it, a profile change made from another device arrives on it within a second,
 * revoking its session closes it with 4403, and a ticket opens one socket only; an abonnement an
 * administrator creates and the member pauses arrives step by step; a ticket past its expiry
 * ({@code MOVEACCES_REALTIME_TICKETTTL} in {@link RunningSystem#ENVIRONMENT}) or unknown is
 * refused; neither a ticket nor a token in a socket's URL is ever written to a log.
 */
@WithRunningSystem
class RealtimeSystemIT {

  private static final String PASSWORD = "Tram-de-nuit-2026 gare";
  private static final String ADMIN_EMAIL = "admin@moveacces.ch";
  private static final String ADMIN_PASSWORD = "Control-Room-2026!";
  private static final ZoneId SWISS_TIME = ZoneId.of("Europe/Zurich");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  // what the gateway's log lines show in place of a credential in a URL (UrlCredentialsMasked)
  private static final String MASKED = "[masked]";

  @Test
  void pushesTheMembersChangesAndClosesTheSocketOfARevokedSession(RunningSystem system)
      throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    String email = "realtime-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Lea"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    Reply phoneLogin = anonymous.post("/auth/login", Map.of("email", email, "password", PASSWORD));
    Reply laptopLogin =
        anonymous
            .fromAnotherAddress()
            .post("/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(phoneLogin.status()).as(phoneLogin.body().toString()).isEqualTo(200);
    assertThat(laptopLogin.status()).as(laptopLogin.body().toString()).isEqualTo(200);
    ApiClient phone = anonymous.withToken(phoneLogin.text("access_token"));
    ApiClient laptop = anonymous.fromAnotherAddress().withToken(laptopLogin.text("access_token"));

    Reply ticket = phone.post("/realtime/ticket", Map.of());
    assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(200);
    String oneTime = ticket.text("ticket");

    Device socket = Device.open(system, oneTime);
    assertThat(socket.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("ready");

    Reply edited = laptop.mergePatch("/users/me", Map.of("localite", "Lausanne"), null);
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    JsonNode pushed = socket.next(Duration.ofSeconds(1));
    assertThat(pushed.path("type").asString()).isEqualTo("ch.moveacces.profile.profile-updated.v1");
    assertThat(pushed.path("data").path("changed_fields").toString()).isEqualTo("[\"localite\"]");
    assertThat(pushed.path("data").has("client_ip")).isFalse();

    Device reused = Device.open(system, oneTime);
    assertThat(reused.closeCode(Duration.ofSeconds(10))).isEqualTo(4401);

    Reply revoked = laptop.delete("/auth/sessions/" + phoneLogin.text("session_id"));
    assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(204);
    assertThat(socket.closeCode(Duration.ofSeconds(5))).isEqualTo(4403);
  }

  @Test
  void pushesTheMembersAbonnementAsAnAdministratorCreatesItAndTheMemberPausesIt(
      RunningSystem system) throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    String email = "realtime-abo-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Noe"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    long userId = registered.body().path("user_id").asLong();
    ApiClient member = anonymous.withToken(signIn(anonymous, email, PASSWORD));
    ApiClient admin =
        ApiClient.from(system)
            .withToken(signIn(ApiClient.from(system), ADMIN_EMAIL, ADMIN_PASSWORD));

    Reply ticket = member.post("/realtime/ticket", Map.of());
    assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(200);
    Device socket = Device.open(system, ticket.text("ticket"));
    assertThat(socket.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("ready");

    LocalDate today = LocalDate.now(SWISS_TIME);
    Reply created =
        admin.post(
            "/admin/subscriptions",
            Map.of(
                "user_id",
                userId,
                "name",
                "Move Mensuel",
                "state",
                "active",
                "date_start",
                today.toString(),
                "date_stop",
                today.plusMonths(1).toString(),
                "price",
                new BigDecimal("49.00")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long abonnement = created.body().path("id").asLong();
    JsonNode creation = socket.next(Duration.ofSeconds(5));
    assertThat(creation.path("type").asString())
        .isEqualTo("ch.moveacces.subscription.abonnement-created.v1");
    assertThat(creation.path("data").path("abonnement_id").asLong()).isEqualTo(abonnement);

    Reply paused = member.post("/subscriptions/" + abonnement + "/pause", Map.of());
    assertThat(paused.status()).as(paused.body().toString()).isEqualTo(200);
    JsonNode pause = socket.next(Duration.ofSeconds(5));
    assertThat(pause.path("type").asString())
        .isEqualTo("ch.moveacces.subscription.abonnement-paused.v1");
    assertThat(pause.path("data").path("abonnement_id").asLong()).isEqualTo(abonnement);
    // personal data about the request that paused it stays out of the devices
    assertThat(pause.path("data").has("client_ip")).isFalse();
    assertThat(pause.path("data").has("user_agent")).isFalse();
  }

  @Test
  void refusesATicketPastItsExpiryAndAnUnknownOne(RunningSystem system) throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    String email = "realtime-expiry-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Ada"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    ApiClient member = anonymous.withToken(signIn(anonymous, email, PASSWORD));

    Reply ticket = member.post("/realtime/ticket", Map.of());
    Instant answered = Instant.now();
    assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(200);
    long expiresIn = ticket.body().path("expires_in").asLong();
    // the tests' short ticket life, not the 30 s of production: nothing waits that long here
    assertThat(expiresIn).isBetween(1L, 5L);
    Instant expired = answered.plusSeconds(expiresIn).plusMillis(250);
    await()
        .atMost(Duration.ofSeconds(expiresIn + 5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().isAfter(expired));

    Device late = Device.open(system, ticket.text("ticket"));
    assertThat(late.closeCode(Duration.ofSeconds(10))).isEqualTo(4401);
    Device unknown = Device.open(system, "not-a-ticket-" + UUID.randomUUID());
    assertThat(unknown.closeCode(Duration.ofSeconds(10))).isEqualTo(4401);
  }

  /**
   * A WebSocket client cannot send headers, so its ticket or token rides in the URL, which the
   * gateway forwards as it is. At DEBUG, WebFlux, Spring Cloud Gateway and Reactor Netty log that
   * URL; a second gateway is started here with those loggers at DEBUG, so that the URL is surely
   * written, and its log must show the credentials masked, never in clear. The devstack's own log
   * (every application at its usual levels) must not hold them either.
   */
  @Test
  void neverLogsTheTicketOrTheTokenOfASocketUrlEvenAtDebug(RunningSystem system) throws Exception {
    ApiClient anonymous = ApiClient.from(system);
    String email = "realtime-logs-" + UUID.randomUUID() + "@example.ch";
    Reply registered =
        anonymous.post(
            "/auth/register",
            Map.of("email", email, "password", PASSWORD, "nom", "Muster", "prenom", "Ilse"));
    assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
    String token = signIn(anonymous, email, PASSWORD);
    ApiClient member = anonymous.withToken(token);

    Path debugLog = Path.of("target/system-gateway-debug.log");
    String ticket;
    try (SecondInstance verbose =
        SecondInstance.start(
            system,
            "gateway",
            Map.of(
                "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_GATEWAY", "DEBUG",
                "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB", "DEBUG",
                "LOGGING_LEVEL_REACTOR_NETTY_HTTP", "DEBUG"),
            debugLog)) {
      Reply issued = member.post("/realtime/ticket", Map.of());
      assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
      ticket = issued.text("ticket");

      Device byTicket = Device.open(verbose.uri(), "ticket=" + ticket);
      assertThat(byTicket.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("ready");
      Device byToken = Device.open(verbose.uri(), "token=" + token);
      assertThat(byToken.next(Duration.ofSeconds(10)).path("type").asString()).isEqualTo("ready");
    }
    // its output is complete once it has ended (closing it stops it)

    String written = Files.readString(debugLog);
    assertThat(written)
        .as("the URLs were logged at DEBUG, masked")
        .contains("ticket=" + MASKED)
        .contains("token=" + MASKED)
        .doesNotContain(ticket)
        .doesNotContain(token);
    assertThat(Files.readString(RunningSystem.OUTPUT)).doesNotContain(ticket).doesNotContain(token);
  }

  private static String signIn(ApiClient client, String email, String password) {
    Reply login = client.post("/auth/login", Map.of("email", email, "password", password));
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return login.text("access_token");
  }

  /** A device's socket through the gateway (the JDK's WebSocket client). */
  private static final class Device implements WebSocket.Listener {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private StringBuilder partial = new StringBuilder();

    static Device open(RunningSystem system, String ticket) {
      return open(system.gateway(), "ticket=" + ticket);
    }

    /** A socket through the gateway at {@code gateway}, authenticated by {@code query}. */
    static Device open(URI gateway, String query) {
      Device device = new Device();
      URI uri = URI.create("ws://" + gateway.getAuthority() + "/ws?" + query);
      ThreadLocalRandom random = ThreadLocalRandom.current();
      HTTP.newWebSocketBuilder()
          .header("X-Forwarded-For", "10." + random.nextInt(256) + ".2." + random.nextInt(1, 255))
          .connectTimeout(Duration.ofSeconds(5))
          .buildAsync(uri, device)
          .orTimeout(10, TimeUnit.SECONDS)
          .join();
      return device;
    }

    JsonNode next(Duration within) throws InterruptedException {
      String text = messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(text).as("a message within %s", within).isNotNull();
      return JSON.readTree(text);
    }

    int closeCode(Duration within) throws Exception {
      return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
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

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
