package ch.moveacces.audit.integrity;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What was checked of one chain: its rows, its last signed seq (rows after it are not yet signed:
 * not an error, the next checkpoint signs them) and its first problem, if any.
 */
record ChainResult(
    String chain,
    @JsonProperty("rows_checked") long rowsChecked,
    @JsonProperty("last_signed_seq") @Nullable Long lastSignedSeq,
    @JsonProperty("not_yet_signed") long notYetSigned,
    @JsonProperty("first_problem") @Nullable IntegrityProblem firstProblem) {}
