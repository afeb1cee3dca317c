package ch.moveacces.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.audit.integrity.IntegrityProblem.Kind;
import ch.moveacces.platform.token.testing.AccessTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

  private static final String CHAIN = "identity.events.v1-0";
  private static final Instant RECORDED = Instant.parse("2026-12-08T10:00:00Z");
  private static final CheckpointSigner SIGNER = newSigner("test-key");

  @Test
  void findsAnIntactChainIntact() {
    List<StoredRow> rows = ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4);

    ChainResult result = verify(1, rows, List.of(signed(rows.get(3))));

    assertThat(result.firstProblem()).isNull();
    assertThat(result.rowsChecked()).isEqualTo(4);
    assertThat(result.lastSignedSeq()).isEqualTo(4);
    assertThat(result.notYetSigned()).isZero();
  }

  @Test
  void countsRowsAfterTheLastCheckpointAsNotYetSigned() {
    List<StoredRow> rows = ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4);

    ChainResult result = verify(1, rows, List.of(signed(rows.get(1))));

    assertThat(result.firstProblem()).isNull();
    assertThat(result.notYetSigned()).isEqualTo(2);
  }

  @Test
  void reportsARowWhoseColumnsChanged() {
    List<StoredRow> rows = new ArrayList<>(ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4));
    StoredRow third = rows.get(2);
    rows.set(2, withEventType(third, "ch.moveacces.identity.login-succeeded.v1"));

    assertProblem(verify(1, rows, List.of()), Kind.ALTERED, 3, third.eventId());
  }

  @Test
  void reportsARemovedRow() {
    List<StoredRow> rows = new ArrayList<>(ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4));
    rows.remove(1);

    assertProblem(verify(1, rows, List.of()), Kind.REMOVED, 2, null);
  }

  @Test
  void reportsRemovedRowsAtTheEndThatACheckpointSigned() {
    List<StoredRow> rows = new ArrayList<>(ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4));
    StoredCheckpoint lastSigned = signed(rows.get(3));
    rows.remove(3);
    rows.remove(2);

    assertProblem(verify(1, rows, List.of(lastSigned)), Kind.REMOVED, 3, null);
  }

  @Test
  void reportsARowInsertedBetweenTwoLinks() {
    List<StoredRow> original = ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4);
    StoredRow forged = ChainFixture.row(CHAIN, 3, original.get(1).hash(), RECORDED, 9);
    List<StoredRow> rows =
        List.of(
            original.get(0),
            original.get(1),
            forged,
            withSeq(original.get(2), 4),
            withSeq(original.get(3), 5));

    assertProblem(verify(1, rows, List.of()), Kind.INSERTED, 3, forged.eventId());
  }

  @Test
  void reportsARowReplacedByOneWithItsOwnHashRecomputed() {
    List<StoredRow> rows = new ArrayList<>(ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4));
    StoredRow forged = ChainFixture.row(CHAIN, 2, rows.get(0).hash(), RECORDED, 9);
    rows.set(1, forged);

    assertProblem(verify(1, rows, List.of()), Kind.ALTERED, 2, forged.eventId());
  }

  @Test
  void catchesARewrittenChainAtItsCheckpoint() {
    List<StoredRow> original = ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4);
    StoredCheckpoint signedBefore = signed(original.get(3));
    List<StoredRow> rewritten = ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4);

    assertProblem(
        verify(1, rewritten, List.of(signedBefore)), Kind.UNSIGNED, 4, rewritten.get(3).eventId());
  }

  @Test
  void refusesACheckpointSignedWithAnotherKey() {
    List<StoredRow> rows = ChainFixture.chain(CHAIN, RECORDED, 1, 2);
    StoredCheckpoint honest = signed(rows.get(1));
    StoredCheckpoint forged =
        new StoredCheckpoint(
            CHAIN,
            2,
            honest.hash(),
            honest.signedAt(),
            honest.keyId(),
            newSigner(honest.keyId())
                .sign(SignedStatements.checkpoint(CHAIN, 2, honest.hash(), honest.signedAt())));

    assertProblem(verify(1, rows, List.of(forged)), Kind.UNSIGNED, 2, rows.get(1).eventId());
  }

  @Test
  void reportsPersonalDataChangedBehindItsDigest() {
    List<StoredRow> rows = new ArrayList<>(ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3));
    StoredRow second = rows.get(1);
    StoredRow.Personal personal = second.personal();
    rows.set(
        1,
        withPersonal(
            second,
            new StoredRow.Personal(
                personal.userId(),
                personal.actorId(),
                personal.subject(),
                "198.51.100.1",
                personal.userAgent(),
                personal.envelope(),
                personal.salt(),
                null)));

    assertProblem(verify(1, rows, List.of()), Kind.ALTERED, 2, second.eventId());
  }

  @Test
  void startsFromTheRowBeforeTheWindowWithoutCheckingItsLink() {
    List<StoredRow> rows = ChainFixture.chain(CHAIN, RECORDED, 1, 2, 3, 4, 5);

    ChainResult result = verify(3, rows.subList(2, 5), List.of());

    assertThat(result.firstProblem()).isNull();
    assertThat(result.rowsChecked()).isEqualTo(3);
  }

  @Test
  void recordsErasedRowsForTheErasureCheckInsteadOfTheirDigest() {
    List<StoredRow> rows = new ArrayList<>(ChainFixture.chain(CHAIN, RECORDED, 1, 2));
    StoredRow erased =
        withPersonal(
            rows.get(0), new StoredRow.Personal(null, null, null, null, null, null, null, 7L));
    rows.set(0, erased);
    ChainVerification verification =
        new ChainVerification(CHAIN, 1, null, List.of(), SIGNER.publicKeys());
    rows.forEach(verification::accept);

    assertThat(verification.finish().firstProblem()).isNull();
    assertThat(verification.erasedRows()).containsOnlyKeys(7L);
  }

  @Test
  void acceptsAnErasureOnlyForTheRowsItSigned() {
    List<String> ids = List.of("b-event", "a-event");
    Instant at = Instant.parse("2026-12-08T11:00:00Z");
    byte[] digest = SignedStatements.erasedRows(ids);
    StoredErasure erasure =
        new StoredErasure(
            1,
            at,
            "account deleted",
            2,
            digest,
            SIGNER.keyId(),
            SIGNER.sign(SignedStatements.erasure(at, "account deleted", 2, digest)));

    assertThat(erasure.verifiesWith(SIGNER.publicKeys())).isTrue();
    assertThat(erasure.accountsFor(List.of("a-event", "b-event"))).isTrue();
    assertThat(erasure.accountsFor(List.of("a-event", "b-event", "c-event"))).isFalse();
    assertThat(erasure.accountsFor(List.of("a-event"))).isFalse();
  }

  private static ChainResult verify(
      long startSeq, List<StoredRow> rows, List<StoredCheckpoint> checkpoints) {
    Long lastSigned = checkpoints.isEmpty() ? null : checkpoints.getLast().seq();
    ChainVerification verification =
        new ChainVerification(CHAIN, startSeq, lastSigned, checkpoints, SIGNER.publicKeys());
    rows.forEach(verification::accept);
    return verification.finish();
  }

  private static StoredCheckpoint signed(StoredRow row) {
    Instant at = Instant.parse("2026-12-08T10:05:00Z");
    return new StoredCheckpoint(
        row.chain(),
        row.seq(),
        row.hash(),
        at,
        SIGNER.keyId(),
        SIGNER.sign(SignedStatements.checkpoint(row.chain(), row.seq(), row.hash(), at)));
  }

  private static void assertProblem(ChainResult result, Kind kind, long seq, String eventId) {
    assertThat(result.firstProblem()).as("the first problem").isNotNull();
    assertThat(result.firstProblem().kind()).isEqualTo(kind);
    assertThat(result.firstProblem().seq()).isEqualTo(seq);
    assertThat(result.firstProblem().eventId()).isEqualTo(eventId);
  }

  private static StoredRow withEventType(StoredRow row, String eventType) {
    return new StoredRow(
        row.chain(),
        row.seq(),
        row.prevHash(),
        row.hash(),
        row.eventId(),
        eventType,
        row.source(),
        row.occurredAt(),
        row.recordedAt(),
        row.traceId(),
        row.schemaValid(),
        row.actor(),
        row.actorRole(),
        row.personalDigest(),
        row.personal());
  }

  private static StoredRow withSeq(StoredRow row, long seq) {
    return new StoredRow(
        row.chain(),
        seq,
        row.prevHash(),
        row.hash(),
        row.eventId(),
        row.eventType(),
        row.source(),
        row.occurredAt(),
        row.recordedAt(),
        row.traceId(),
        row.schemaValid(),
        row.actor(),
        row.actorRole(),
        row.personalDigest(),
        row.personal());
  }

  private static StoredRow withPersonal(StoredRow row, StoredRow.Personal personal) {
    return new StoredRow(
        row.chain(),
        row.seq(),
        row.prevHash(),
        row.hash(),
        row.eventId(),
        row.eventType(),
        row.source(),
        row.occurredAt(),
        row.recordedAt(),
        row.traceId(),
        row.schemaValid(),
        row.actor(),
        row.actorRole(),
        row.personalDigest(),
        personal);
  }

  static CheckpointSigner newSigner(String keyId) {
    return CheckpointSigner.parse(AccessTokens.newKey(keyId).toJSONString());
  }
}
