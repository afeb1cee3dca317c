package ch.moveacces.audit.integrity;

import ch.moveacces.audit.chain.ChainLink;
import ch.moveacces.audit.integrity.IntegrityProblem.Kind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The check of one chain's rows, fed one by one in seq order from {@code startSeq}: each row's hash
 * recomputes, seqs follow each other, each prev_hash is its predecessor's hash, each checkpoint in
 * the range verifies and matches its row, each personal row matches its digest or was erased. Keeps
 * two rows in memory whatever the chain's length. Stops checking at the first problem, which is the
 * one reported.
 */
final class ChainVerification {

  private final String chain;
  private final long startSeq;
  private final @Nullable Long lastSignedSeq;
  private final NavigableMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
  private final CheckpointKeys keys;
  private final Map<Long, StoredRow> erasedRows = new LinkedHashMap<>();

  private @Nullable StoredRow previous;
  private @Nullable StoredRow beforePrevious;
  private long rowsChecked;
  private long notYetSigned;
  private @Nullable IntegrityProblem problem;

  /**
   * @param startSeq the first seq expected (1, or the row before the window)
   * @param lastSignedSeq the chain's last checkpoint, wherever it is; {@code null} when none
   * @param checkpoints the chain's checkpoints within the range fed
   */
  ChainVerification(
      String chain,
      long startSeq,
      @Nullable Long lastSignedSeq,
      Iterable<StoredCheckpoint> checkpoints,
      CheckpointKeys keys) {
    this.chain = chain;
    this.startSeq = startSeq;
    this.lastSignedSeq = lastSignedSeq;
    this.keys = keys;
    checkpoints.forEach(checkpoint -> this.checkpoints.put(checkpoint.seq(), checkpoint));
  }

  void accept(StoredRow row) {
    rowsChecked++;
    if (lastSignedSeq == null || row.seq() > lastSignedSeq) {
      notYetSigned++;
    }
    if (problem == null) {
      problem = check(row);
    }
    beforePrevious = previous;
    previous = row;
  }

  /** The chain's result once every row of its range was fed. */
  ChainResult finish() {
    if (problem == null) {
      long after = previous == null ? startSeq - 1 : previous.seq();
      StoredCheckpoint beyond =
          checkpoints.higherEntry(after) == null ? null : checkpoints.higherEntry(after).getValue();
      if (beyond != null) {
        problem =
            problem(
                Kind.REMOVED, after + 1, null, gone(after + 1, beyond.seq()) + ", though signed");
      }
    }
    return new ChainResult(chain, rowsChecked, lastSignedSeq, notYetSigned, problem);
  }

  /** The erased rows seen, by erasure id (one row each, to name where a bad erasure shows). */
  Map<Long, StoredRow> erasedRows() {
    return erasedRows;
  }

  private @Nullable IntegrityProblem check(StoredRow row) {
    IntegrityProblem link = checkLink(row);
    if (link != null) {
      return link;
    }
    if (!row.hashRecomputes()) {
      return problem(
          Kind.ALTERED, row.seq(), row.eventId(), "its columns do not give its stored hash");
    }
    IntegrityProblem personal = checkPersonal(row);
    if (personal != null) {
      return personal;
    }
    return checkCheckpoint(row);
  }

  private @Nullable IntegrityProblem checkLink(StoredRow row) {
    if (previous == null) {
      if (row.seq() > startSeq) {
        return problem(Kind.REMOVED, startSeq, null, gone(startSeq, row.seq() - 1));
      }
      if (row.seq() == 1 && !Arrays.equals(row.prevHash(), ChainLink.GENESIS)) {
        return problem(Kind.ALTERED, 1, row.eventId(), "the first link has a prev_hash");
      }
      return null;
    }
    if (row.seq() > previous.seq() + 1) {
      return problem(
          Kind.REMOVED, previous.seq() + 1, null, gone(previous.seq() + 1, row.seq() - 1));
    }
    if (row.linksTo(previous)) {
      return null;
    }
    if (row.linksTo(beforePrevious)) {
      return problem(
          Kind.INSERTED,
          previous.seq(),
          previous.eventId(),
          "seq " + row.seq() + " links to seq " + beforePrevious.seq() + ", not to this row");
    }
    // the previous row recomputes (it was checked) but is not the one its successor was linked to:
    // it was replaced, its hash computed anew by someone without the chain's later links
    return problem(
        Kind.ALTERED,
        previous.seq(),
        previous.eventId(),
        "seq " + row.seq() + " was linked to another row than this one");
  }

  private @Nullable IntegrityProblem checkPersonal(StoredRow row) {
    StoredRow.Personal personal = row.personal();
    if (personal == null) {
      return problem(
          Kind.ERASURE, row.seq(), row.eventId(), "its personal row is gone, with no erasure");
    }
    if (personal.erasureId() != null) {
      erasedRows.putIfAbsent(personal.erasureId(), row);
      return null;
    }
    if (!row.personalDigestMatches()) {
      return problem(
          Kind.ALTERED, row.seq(), row.eventId(), "its personal data does not give its digest");
    }
    return null;
  }

  private @Nullable IntegrityProblem checkCheckpoint(StoredRow row) {
    StoredCheckpoint checkpoint = checkpoints.get(row.seq());
    if (checkpoint == null) {
      return null;
    }
    if (!checkpoint.verifiesWith(keys)) {
      return problem(
          Kind.UNSIGNED,
          row.seq(),
          row.eventId(),
          "the checkpoint's signature does not verify with key " + checkpoint.keyId());
    }
    if (!Arrays.equals(checkpoint.hash(), row.hash())) {
      return problem(
          Kind.UNSIGNED,
          row.seq(),
          row.eventId(),
          "the rows up to here are not those signed at " + checkpoint.signedAt());
    }
    return null;
  }

  private static String gone(long first, long last) {
    return first == last
        ? "seq " + first + " is gone"
        : "seq " + first + " to " + last + " are gone";
  }

  private IntegrityProblem problem(Kind kind, long seq, @Nullable String eventId, String detail) {
    return new IntegrityProblem(kind, chain, seq, eventId, detail);
  }
}
