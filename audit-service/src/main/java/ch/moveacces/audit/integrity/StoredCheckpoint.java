package ch.moveacces.audit.integrity;

import java.time.Instant;

/** One row of {@code audit_checkpoints}: the key's statement "chain was at seq with hash at". */
record StoredCheckpoint(
    String chain, long seq, byte[] hash, Instant signedAt, String keyId, byte[] signature) {

  boolean verifiesWith(CheckpointKeys keys) {
    return keys.verifies(keyId, SignedStatements.checkpoint(chain, seq, hash, signedAt), signature);
  }
}
