package ch.moveacces.audit.integrity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The first thing found wrong in a chain: its kind, where ({@code chain}, {@code seq}), the event
 * of that row when there is one, and a sentence for the operator.
 */
record IntegrityProblem(
    Kind kind,
    String chain,
    long seq,
    @JsonProperty("event_id") @Nullable String eventId,
    String detail) {

  static final Comparator<IntegrityProblem> IN_TRAIL_ORDER =
      Comparator.comparing(IntegrityProblem::chain).thenComparingLong(IntegrityProblem::seq);

  /** What happened to the trail. */
  enum Kind {
    /** A row's columns or personal data are not what its hash or digest was computed from. */
    ALTERED,
    /** A row is missing: a gap in its chain, or a signed seq without its row. */
    REMOVED,
    /** A row that its successor does not link to: it was put between two links. */
    INSERTED,
    /** A checkpoint that does not verify, or no longer matches the row it signed. */
    UNSIGNED,
    /** Personal data gone without a signed erasure that accounts for it. */
    ERASURE;

    @JsonValue
    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String toString() {
    return kind.wireName()
        + " at "
        + chain
        + " seq "
        + seq
        + (eventId == null ? "" : " (event " + eventId + ")")
        + ": "
        + detail;
  }
}
