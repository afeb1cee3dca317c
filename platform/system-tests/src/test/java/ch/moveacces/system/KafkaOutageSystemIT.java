package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import ch.moveacces.system.AuditLogRows.Totals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka outage delays events and loses none: while Kafka is down, members keep signing in and
 * editing their profiles without noticing; once it is back, every one of those operations is in the
 * audit trail exactly once.
 *
 * <p>Kafka stopped, 1,000 operations go through the gateway (800 {@code PATCH /users/me} by 10
 * members, 200 logins by 40 members, each from its own address so that no rate limit refuses one;
 * at most 6 edits and 3 logins in flight, as auth-service answers 503 beyond its hashing queue):
 * all answer 2xx and none is audited yet. Kafka restarted, {@code audit_logs} holds exactly one
 * {@code profile-updated} row per edit and one {@code login-succeeded} row per login, per member,
 * with no event id twice. It takes about a minute: registering its 50 members about 8 s, the
 * operations about 32 s, the events recorded about 8 s after Kafka is back.
 */
@WithRunningSystem
class KafkaOutageSystemIT {

  private static final Logger log = LoggerFactory.getLogger(KafkaOutageSystemIT.class);

  private static final String LOGIN_SUCCEEDED = "ch.moveacces.identity.login-succeeded.v1";
  private static final String PROFILE_UPDATED = "ch.moveacces.profile.profile-updated.v1";
  private static final String PASSWORD = "Panne-de-courant 2026";

  /** 10 × 80 profile edits: each member stays under the gateway's 100 API calls per 5 minutes. */
  private static final int EDITORS = 10;

  private static final int EDITS_EACH = 80;

  /** 40 × 5 logins: each account at the gateway's 5 logins a minute, never over it. */
  private static final int SIGNERS = 40;

  private static final int LOGINS_EACH = 5;

  /**
   * Requests in flight at once: logins are bounded tighter, as auth-service hashes on one thread
   * per core with a short queue and answers 503 beyond it.
   */
  private static final int EDITS_IN_FLIGHT = 6;

  private static final int LOGINS_IN_FLIGHT = 3;

  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @Test
  void aThousandOperationsDuringAnOutageAllSucceedAndAreAuditedOnceEachWhenKafkaIsBack(
      RunningSystem system) throws Exception {
    long begun = System.nanoTime();
    List<Member> editors = register(system, "editor", EDITORS, 0);
    List<Member> signers = register(system, "signer", SIGNERS, EDITORS);
    List<String> editorTokens = new ArrayList<>();
    for (int i = 0; i < EDITORS; i++) {
      Reply login = editors.get(i).login(system, address(3000 + i));
      assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
      editorTokens.add(login.text("access_token"));
    }
    AuditLogRows auditLog = new AuditLogRows(system);
    List<Long> editorIds = editors.stream().map(Member::userId).toList();
    List<Long> signerIds = signers.stream().map(Member::userId).toList();
    log.info("{} members registered in {}", EDITORS + SIGNERS, since(begun));

    long outage = System.nanoTime();
    system.kafka().stop();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    try {
      assertThat(system.kafka().isRunning()).isFalse();
      try (ExecutorService editing = Executors.newFixedThreadPool(EDITS_IN_FLIGHT);
          ExecutorService signing = Executors.newFixedThreadPool(LOGINS_IN_FLIGHT)) {
        List<Future<?>> work = new ArrayList<>();
        for (int e = 0; e < EDITORS; e++) {
          ApiClient editor =
              ApiClient.from(system, address(4000 + e)).withToken(editorTokens.get(e));
          work.add(editing.submit(() -> editProfile(editor, failures)));
        }
        for (int round = 0; round < LOGINS_EACH; round++) {
          for (int s = 0; s < SIGNERS; s++) {
            Member signer = signers.get(s);
            String ip = address(5000 + round * SIGNERS + s);
            work.add(signing.submit(() -> record(failures, "login", signer.login(system, ip))));
          }
        }
        for (Future<?> done : work) {
          done.get();
        }
      }
      log.info("1,000 operations while Kafka was down in {}", since(outage));
      assertThat(failures).as("operations that did not succeed while Kafka was down").isEmpty();
      assertThat(auditLog.totals(PROFILE_UPDATED, editorIds).rows())
          .as("profile updates recorded while Kafka was down")
          .isZero();
    } finally {
      system.kafka().restart();
    }

    long recovery = System.nanoTime();
    await("every event of the outage to be recorded once Kafka is back")
        .atMost(RECOVERY)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                auditLog.totals(PROFILE_UPDATED, editorIds).rows() >= EDITORS * EDITS_EACH
                    && auditLog.totals(LOGIN_SUCCEEDED, signerIds).rows() >= SIGNERS * LOGINS_EACH);
    log.info("the outage's events recorded {} after Kafka came back", since(recovery));

    assertThat(auditLog.totals(PROFILE_UPDATED, editorIds))
        .isEqualTo(new Totals(EDITORS * EDITS_EACH, EDITORS * EDITS_EACH));
    assertThat(auditLog.totals(LOGIN_SUCCEEDED, signerIds))
        .isEqualTo(new Totals(SIGNERS * LOGINS_EACH, SIGNERS * LOGINS_EACH));
    assertThat(auditLog.perUser(PROFILE_UPDATED, editorIds))
        .as("one profile-updated row per edit of each member")
        .hasSize(EDITORS)
        .allSatisfy((userId, rows) -> assertThat(rows).as("user " + userId).isEqualTo(EDITS_EACH));
    assertThat(auditLog.perUser(LOGIN_SUCCEEDED, signerIds))
        .as("one login-succeeded row per login of each member")
        .hasSize(SIGNERS)
        .allSatisfy((userId, rows) -> assertThat(rows).as("user " + userId).isEqualTo(LOGINS_EACH));
    log.info("whole outage test in {}", since(begun));
  }

  /** One member's edits one after the other, each changing the town, so each is an update. */
  private static void editProfile(ApiClient editor, Queue<String> failures) {
    for (int edit = 1; edit <= EDITS_EACH; edit++) {
      record(
          failures,
          "edit " + edit,
          editor.mergePatch("/users/me", Map.of("localite", "Panne " + edit), null));
    }
  }

  private static void record(Queue<String> failures, String operation, Reply reply) {
    if (reply.status() / 100 != 2) {
      failures.add(operation + ": " + reply.status() + " " + reply.body());
    }
  }

  /** Members registered a few at a time (registration hashes the password too). */
  private static List<Member> register(RunningSystem system, String purpose, int count, int first)
      throws Exception {
    IntFunction<Member> registration =
        i -> {
          String email = "outage-" + purpose + "-" + i + "-" + UUID.randomUUID() + "@example.ch";
          Reply registered =
              ApiClient.from(system, address(first + i))
                  .post(
                      "/auth/register",
                      Map.of(
                          "email", email, "password", PASSWORD, "nom", "Panne", "prenom", "Ada"));
          assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
          return new Member(email, registered.body().path("user_id").asLong());
        };
    try (ExecutorService registering = Executors.newFixedThreadPool(LOGINS_IN_FLIGHT)) {
      List<Future<Member>> members =
          IntStream.range(0, count)
              .mapToObj(i -> registering.submit(() -> registration.apply(i)))
              .toList();
      List<Member> registered = new ArrayList<>();
      for (Future<Member> member : members) {
        registered.add(member.get());
      }
      return registered;
    }
  }

  /**
   * A client address of its own for each request, so that the gateway's per-address limits never
   * refuse one (it believes X-Forwarded-For from the test, a trusted proxy).
   */
  private static String address(int n) {
    return "172.16." + (n / 250) + "." + (n % 250 + 1);
  }

  private static String since(long start) {
    return "%.1f s".formatted((System.nanoTime() - start) / 1e9);
  }

  private record Member(String email, long userId) {

    Reply login(RunningSystem system, String clientIp) {
      return ApiClient.from(system, clientIp)
          .post("/auth/login", Map.of("email", email, "password", PASSWORD));
    }
  }
}
