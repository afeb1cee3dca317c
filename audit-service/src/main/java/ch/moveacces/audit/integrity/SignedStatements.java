package ch.moveacces.audit.integrity;

import ch.moveacces.audit.chain.CanonicalBytes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The bytes the checkpoint key signs: a checkpoint ("chain C was at seq S with hash H at T") and an
 * erasure ("these rows were erased, for this reason, at T"). Each starts with its own domain, so a
 * signature of one can never pass for the other.
 */
final class SignedStatements {

  private static final byte[] NO_PREFIX = new byte[0];

  private SignedStatements() {}

  static byte[] checkpoint(String chain, long seq, byte[] hash, Instant signedAt) {
    return CanonicalBytes.of("moveacces.audit.checkpoint.v1")
        .text(chain)
        .number(seq)
        .raw(hash)
        .number(micros(signedAt))
        .toByteArray();
  }

  static byte[] erasure(Instant erasedAt, String reason, long rowsErased, byte[] rowsDigest) {
    return CanonicalBytes.of("moveacces.audit.erasure.v1")
        .number(micros(erasedAt))
        .text(reason)
        .number(rowsErased)
        .raw(rowsDigest)
        .toByteArray();
  }

  /** The digest of the event ids of an erasure's rows, whatever order they are given in. */
  static byte[] erasedRows(List<String> eventIds) {
    CanonicalBytes bytes = CanonicalBytes.of("moveacces.audit.erased-rows.v1");
    eventIds.stream().sorted().forEach(bytes::text);
    return bytes.sha256(NO_PREFIX);
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
