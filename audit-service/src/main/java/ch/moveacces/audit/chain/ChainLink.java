package ch.moveacces.audit.chain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the hash of one {@code audit_logs} row covers: its place in its chain and every column that
 * says what happened, but no personal data (that is covered by {@code personalDigest} only, so it
 * can be erased without breaking the chain). Times are kept to the microsecond, as the table stores
 * them.
 *
 * <p>{@code hash = SHA-256(prevHash || encoding of the fields below)}; the first link's {@code
 * prevHash} is {@link #GENESIS}.
 */
public record ChainLink(
    String chain,
    long seq,
    byte[] prevHash,
    UUID eventId,
    String eventType,
    String source,
    Instant occurredAt,
    Instant recordedAt,
    @Nullable String traceId,
    boolean schemaValid,
    @Nullable String actor,
    @Nullable String actorRole,
    byte[] personalDigest) {

  /** The {@code prevHash} of a chain's first link. */
  public static final byte[] GENESIS = new byte[32];

  private static final String DOMAIN = "moveacces.audit.link.v1";

  public ChainLink {
    Objects.requireNonNull(chain, "chain");
    if (seq < 1) {
      throw new IllegalArgumentException("A chain counts from 1: " + seq);
    }
    if (prevHash.length != 32 || personalDigest.length != 32) {
      throw new IllegalArgumentException("Hashes are 32 bytes");
    }
    prevHash = prevHash.clone();
    personalDigest = personalDigest.clone();
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The first link of a chain, or the one after {@code previous}. */
  public static long nextSeq(@Nullable Long previous) {
    return previous == null ? 1 : previous + 1;
  }

  public byte[] hash() {
    return CanonicalBytes.of(DOMAIN)
        .text(chain)
        .number(seq)
        .text(eventId.toString())
        .text(eventType)
        .text(source)
        .number(micros(occurredAt))
        .number(micros(recordedAt))
        .text(traceId)
        .flag(schemaValid)
        .text(actor)
        .text(actorRole)
        .raw(personalDigest)
        .sha256(prevHash);
  }

  @Override
  public byte[] prevHash() {
    return prevHash.clone();
  }

  @Override
  public byte[] personalDigest() {
    return personalDigest.clone();
  }

  public static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ChainLink link
        && chain.equals(link.chain)
        && seq == link.seq
        && Arrays.equals(hash(), link.hash());
  }

  @Override
  public int hashCode() {
    return Objects.hash(chain, seq);
  }

  @Override
  public String toString() {
    return "ChainLink[" + chain + "#" + seq + " " + eventType + " " + eventId + "]";
  }
}
