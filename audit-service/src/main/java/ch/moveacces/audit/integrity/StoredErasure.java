package ch.moveacces.audit.integrity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One row of {@code audit_erasures}: the key's statement "these rows were erased, for this". */
record StoredErasure(
    long id,
    Instant erasedAt,
    String reason,
    long rowsErased,
    byte[] rowsDigest,
    String keyId,
    byte[] signature) {

  boolean verifiesWith(CheckpointKeys keys) {
    return keys.verifies(
        keyId, SignedStatements.erasure(erasedAt, reason, rowsErased, rowsDigest), signature);
  }

  /** Whether exactly these rows (their event ids) are the ones it signed. */
  boolean accountsFor(List<String> eventIds) {
    return eventIds.size() == rowsErased
        && Arrays.equals(SignedStatements.erasedRows(eventIds), rowsDigest);
  }
}
