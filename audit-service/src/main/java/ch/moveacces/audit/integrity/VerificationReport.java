package ch.moveacces.audit.integrity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a verification: whether the rows recorded in the window are intact, the first
 * problem in (chain, seq) order, each chain's result, and how many rows of the window were recorded
 * before chaining (no hash: not checked, not an error).
 */
record VerificationReport(
    boolean intact,
    @Nullable Instant from,
    @Nullable Instant to,
    @JsonProperty("first_problem") @Nullable IntegrityProblem firstProblem,
    List<ChainResult> chains,
    @JsonProperty("rows_before_chaining") long rowsBeforeChaining) {

  static VerificationReport of(
      @Nullable Instant from,
      @Nullable Instant to,
      List<ChainResult> chains,
      List<IntegrityProblem> erasureProblems,
      long rowsBeforeChaining) {
    IntegrityProblem first =
        Stream.concat(
                chains.stream().map(ChainResult::firstProblem).filter(Objects::nonNull),
                erasureProblems.stream())
            .min(IntegrityProblem.IN_TRAIL_ORDER)
            .orElse(null);
    return new VerificationReport(
        first == null, from, to, first, List.copyOf(chains), rowsBeforeChaining);
  }

  /** The report as lines for a terminal. */
  String text() {
    StringBuilder text = new StringBuilder();
    text.append(intact ? "INTACT" : "NOT INTACT")
        .append(" (recorded ")
        .append(from == null ? "from the start" : "from " + from)
        .append(to == null ? " to now" : " to " + to)
        .append(")\n");
    if (firstProblem != null) {
      text.append("first problem: ").append(firstProblem).append('\n');
    }
    for (ChainResult chain : chains) {
      text.append(chain.chain())
          .append(": ")
          .append(chain.rowsChecked())
          .append(" rows checked, last signed seq ")
          .append(chain.lastSignedSeq() == null ? "none" : chain.lastSignedSeq())
          .append(", ")
          .append(chain.notYetSigned())
          .append(" not yet signed\n");
    }
    text.append(rowsBeforeChaining).append(" rows recorded before chaining (not checked)\n");
    return text.toString();
  }
}
