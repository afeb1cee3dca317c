package ch.moveacces.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.audit.Events;
import ch.moveacces.audit.RunningAuditService;
import ch.moveacces.audit.Tokens;
import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.TestEngines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Checkpoints, verification and erasure on chained rows written as the recorder writes them, each
 * test on a chain of its own recorded at a past time of its own (so no other test's window sees
 * it), removed afterwards. The intruder is the database's root; both the endpoint and the command
 * line must name what it did.
 */
@RunningAuditService
class TrailIntegrityIT {

  @Autowired WebTestClient client;
  @Autowired Checkpoints checkpoints;
  @Autowired MemberErasure erasure;
  @Autowired CheckpointSigner signer;
  @LocalServerPort int port;

  private final String chain = "integrity-it-" + UUID.randomUUID() + "-0";
  private final Instant recorded =
      Instant.parse("2001-01-01T00:00:00Z")
          .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextLong(5_000_000)));
  private final List<String> eventIds = new ArrayList<>();

  @AfterEach
  void removeTheChain() {
    TrailRows.remove(chain, eventIds);
  }

  @Test
  void signsEveryChainWithANewRowAndServesTheKeyToAnyone() {
    write(1, 2, 3);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> TrailRows.checkpointedSeqs(chain).contains(3L));
    client
        .get()
        .uri("/audit/checkpoints/key")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.keys[0].kid")
        .isEqualTo(signer.keyId())
        .jsonPath("$.keys[0].crv")
        .isEqualTo("P-256")
        .jsonPath("$.keys[0].d")
        .doesNotExist();
    verifyOverEndpoint()
        .jsonPath("$.intact")
        .isEqualTo(true)
        .jsonPath("$.chains[0].chain")
        .isEqualTo(chain)
        .jsonPath("$.chains[0].rows_checked")
        .isEqualTo(3)
        .jsonPath("$.chains[0].last_signed_seq")
        .isEqualTo(3)
        .jsonPath("$.chains[0].not_yet_signed")
        .isEqualTo(0);
  }

  /** Due: no checkpoint yet, {@code rows} rows past the last one, or a last one {@code age} old. */
  @Test
  void signsAChainWhenEnoughRowsOrEnoughTimeHavePassed() throws Exception {
    List<StoredRow> rows = new ArrayList<>(write(1, 2));
    Checkpoints everyThreeRows = new Checkpoints(signer, 3, Duration.ofMinutes(5));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> TrailRows.checkpointedSeqs(chain).contains(2L));
    Instant now = Instant.now();

    append(rows, 2);
    List<StoredCheckpoint> twoRowsLater = signDue(everyThreeRows, now);
    List<StoredCheckpoint> fiveMinutesLater = signDue(everyThreeRows, now.plusSeconds(301));
    append(rows, 3);
    List<StoredCheckpoint> threeRowsLater = signDue(everyThreeRows, now);

    assertThat(twoRowsLater).isEmpty();
    assertThat(fiveMinutesLater).extracting(StoredCheckpoint::seq).containsExactly(4L);
    assertThat(threeRowsLater).extracting(StoredCheckpoint::seq).containsExactly(7L);
    verifyOverEndpoint()
        .jsonPath("$.intact")
        .isEqualTo(true)
        .jsonPath("$.chains[0].last_signed_seq")
        .isEqualTo(7);
  }

  @Test
  void onlyAuditorsVerify() {
    client
        .get()
        .uri("/audit/verify")
        .headers(Tokens.withRoles("MEMBER"))
        .exchange()
        .expectStatus()
        .isForbidden();
    client
        .get()
        .uri("/audit/verify?from=yesterday")
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("from");
  }

  @Test
  void reportsARowAlteredByRoot() throws Exception {
    List<StoredRow> rows = write(1, 2, 3, 4, 5);
    signNow();

    TrailRows.execute(
        "UPDATE audit_logs SET event_type = 'ch.moveacces.identity.login-succeeded.v1'"
            + " WHERE chain = ? AND seq = 3",
        chain);

    assertReported("altered", 3, rows.get(2).eventId());
  }

  @Test
  void reportsARowRemovedByRoot() throws Exception {
    write(1, 2, 3, 4, 5);
    signNow();

    TrailRows.execute("DELETE FROM audit_logs WHERE chain = ? AND seq = 3", chain);

    assertReported("removed", 3, null);
  }

  @Test
  void reportsARowInsertedByRoot() throws Exception {
    List<StoredRow> rows = write(1, 2, 3, 4, 5);
    signNow();

    // room for a forged third row, whose hash is computed as the recorder would compute it
    TrailRows.execute(
        "UPDATE audit_logs SET seq = seq + 1 WHERE chain = ? AND seq >= 3 ORDER BY seq DESC",
        chain);
    StoredRow forged =
        ChainFixture.row(
            chain, 3, rows.get(1).hash(), recorded.plusMillis(1).plusNanos(500_000), 9);
    eventIds.add(forged.eventId());
    TrailRows.insert(List.of(forged));

    assertReported("inserted", 3, forged.eventId());
  }

  /** The packaged jar, as {@code make audit-verify} runs it, with the key of its configuration. */
  @Test
  void thePackagedJarVerifiesAndExitsOneWhenNotIntact() throws Exception {
    write(1, 2, 3);
    signNow();

    CommandResult intact = runPackagedJar();
    TrailRows.execute("DELETE FROM audit_logs WHERE chain = ? AND seq = 3", chain);
    CommandResult removed = runPackagedJar();

    assertThat(intact.status()).as(intact.output()).isZero();
    assertThat(intact.output()).startsWith("INTACT").contains(chain + ": 3 rows checked");
    assertThat(removed.status()).as(removed.output()).isEqualTo(1);
    assertThat(removed.output())
        .startsWith("NOT INTACT")
        .contains("first problem: removed at " + chain + " seq 3: ");
  }

  @Test
  void erasesOneMembersPersonalDataAndTheTrailStillVerifies() throws Exception {
    long member = Events.newUserId();
    long other = Events.newUserId();
    List<StoredRow> rows = write(member, other, member, other);
    signNow();

    MemberErasure.Erasure done = erasure.erase(member, "account deleted");

    assertThat(done.rowsErased()).isEqualTo(2);
    assertThat(TrailRows.personal(rows.get(0).eventId()))
        .containsEntry("user_id", null)
        .containsEntry("actor_id", null)
        .containsEntry("subject", null)
        .containsEntry("client_ip", null)
        .containsEntry("user_agent", null)
        .containsEntry("envelope", null)
        .containsEntry("salt", null)
        .containsEntry("erasure_id", String.valueOf(done.id()));
    assertThat(TrailRows.personal(rows.get(2).eventId())).containsEntry("user_id", null);
    assertThat(TrailRows.personal(rows.get(1).eventId()))
        .containsEntry("user_id", String.valueOf(other))
        .containsEntry("client_ip", "203.0.113.7")
        .containsEntry("erasure_id", null);
    verifyOverEndpoint().jsonPath("$.intact").isEqualTo(true);
    assertThat(erasure.erase(member, "account deleted").rowsErased()).isZero();
  }

  @Test
  void erasesAMemberFromTheCommandLine() {
    long member = Events.newUserId();
    List<StoredRow> rows = write(member, Events.newUserId());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ServiceAccount account = ServiceAccount.AUDIT;

    int status =
        IntegrityCommand.run(
            new String[] {
              "erase-member",
              String.valueOf(member),
              "--reason=account deleted",
              "--db-url=" + TestEngines.database().jdbcUrl(),
              "--db-user=" + account.username(),
              "--db-password=" + account.devOnlyPassword()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 rows of member " + member);
    assertThat(TrailRows.personal(rows.get(0).eventId())).containsEntry("user_id", null);
    assertThat(TrailRows.personal(rows.get(1).eventId())).doesNotContainEntry("user_id", null);
    verifyOverEndpoint().jsonPath("$.intact").isEqualTo(true);
  }

  @Test
  void reportsPersonalDataErasedWithoutASignedErasure() throws Exception {
    long member = Events.newUserId();
    List<StoredRow> rows = write(member, Events.newUserId());
    MemberErasure.Erasure done = erasure.erase(member, "account deleted");

    // root also wipes the other member's row and points it at this member's erasure
    TrailRows.execute(
        "UPDATE audit_personal_data SET user_id = NULL, actor_id = NULL, subject = NULL,"
            + " client_ip = NULL, user_agent = NULL, envelope = NULL, salt = NULL, erasure_id = ?"
            + " WHERE event_id = ?",
        done.id(),
        rows.get(1).eventId());

    verifyOverEndpoint()
        .jsonPath("$.intact")
        .isEqualTo(false)
        .jsonPath("$.first_problem.kind")
        .isEqualTo("erasure");
  }

  /** This chain's checkpoints among those written. */
  private List<StoredCheckpoint> signDue(Checkpoints checkpoints, Instant now) throws Exception {
    try (Connection root = TestEngines.adminConnection()) {
      return checkpoints.signDue(root, now).stream()
          .filter(checkpoint -> checkpoint.chain().equals(chain))
          .toList();
    }
  }

  private void append(List<StoredRow> rows, int count) {
    for (int i = 0; i < count; i++) {
      StoredRow head = rows.getLast();
      StoredRow next =
          ChainFixture.row(chain, head.seq() + 1, head.hash(), head.recordedAt().plusMillis(1), 1);
      TrailRows.insert(List.of(next));
      eventIds.add(next.eventId());
      rows.add(next);
    }
  }

  private record CommandResult(int status, String output) {}

  private CommandResult runPackagedJar() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(file -> file.getFileName().toString().matches("audit-service-[^-]+.*\\.jar"))
              .filter(file -> !file.getFileName().toString().matches(".*-(sources|javadoc)\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no packaged jar: run ./mvnw verify"));
    }
    ServiceAccount account = ServiceAccount.AUDIT;
    Process process =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "verify",
                "--from=" + recorded,
                "--to=" + recorded.plus(Duration.ofHours(1)),
                "--db-url=" + TestEngines.database().jdbcUrl(),
                "--db-user=" + account.username(),
                "--db-password=" + account.devOnlyPassword())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
    return new CommandResult(process.exitValue(), output);
  }

  private List<StoredRow> write(long... members) {
    List<StoredRow> rows = ChainFixture.chain(chain, recorded, members);
    rows.forEach(row -> eventIds.add(row.eventId()));
    TrailRows.insert(rows);
    return rows;
  }

  private void signNow() throws Exception {
    try (Connection root = TestEngines.adminConnection()) {
      checkpoints.signDue(root, Instant.now());
    }
    assertThat(TrailRows.checkpointedSeqs(chain)).isNotEmpty();
  }

  private WebTestClient.BodyContentSpec verifyOverEndpoint() {
    return client
        .get()
        .uri("/audit/verify?from={from}&to={to}", recorded, recorded.plus(Duration.ofHours(1)))
        .headers(Tokens.auditor())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  /** Both the endpoint and the command line name this kind of problem at this seq. */
  private void assertReported(String kind, long seq, String eventId) {
    verifyOverEndpoint()
        .jsonPath("$.intact")
        .isEqualTo(false)
        .jsonPath("$.first_problem.kind")
        .isEqualTo(kind)
        .jsonPath("$.first_problem.chain")
        .isEqualTo(chain)
        .jsonPath("$.first_problem.seq")
        .isEqualTo(seq)
        .jsonPath("$.first_problem.event_id")
        .value(id -> assertThat(id).isEqualTo(eventId));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ServiceAccount account = ServiceAccount.AUDIT;
    int status =
        IntegrityCommand.run(
            new String[] {
              "verify",
              "--from=" + recorded,
              "--to=" + recorded.plus(Duration.ofHours(1)),
              "--db-url=" + TestEngines.database().jdbcUrl(),
              "--db-user=" + account.username(),
              "--db-password=" + account.devOnlyPassword(),
              "--key-url=http://127.0.0.1:" + port + "/audit/checkpoints/key"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("NOT INTACT")
        .contains(
            "first problem: "
                + kind
                + " at "
                + chain
                + " seq "
                + seq
                + (eventId == null ? ": " : " (event " + eventId + "): "));
  }
}
