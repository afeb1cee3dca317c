package ch.moveacces.audit.integrity;

import ch.moveacces.audit.chain.ChainLink;
import ch.moveacces.audit.chain.PersonalData;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One chained row of {@code audit_logs} as the database holds it, with its personal row ({@code
 * null} when that row is missing): nothing here is trusted, every column may have been changed.
 */
record StoredRow(
    String chain,
    long seq,
    byte @Nullable [] prevHash,
    byte @Nullable [] hash,
    String eventId,
    String eventType,
    String source,
    Instant occurredAt,
    Instant recordedAt,
    @Nullable String traceId,
    boolean schemaValid,
    @Nullable String actor,
    @Nullable String actorRole,
    byte @Nullable [] personalDigest,
    @Nullable Personal personal) {

  /** The row of {@code audit_personal_data}; {@code erasureId} is set once it was erased. */
  record Personal(
      @Nullable Long userId,
      @Nullable Long actorId,
      @Nullable String subject,
      @Nullable String clientIp,
      @Nullable String userAgent,
      byte @Nullable [] envelope,
      byte @Nullable [] salt,
      @Nullable Long erasureId) {}

  /** Whether the stored hash is the one its columns and stored prev_hash give. */
  boolean hashRecomputes() {
    if (hash == null || prevHash == null || personalDigest == null) {
      return false;
    }
    try {
      ChainLink link =
          new ChainLink(
              chain,
              seq,
              prevHash,
              UUID.fromString(eventId),
              eventType,
              source,
              occurredAt,
              recordedAt,
              traceId,
              schemaValid,
              actor,
              actorRole,
              personalDigest);
      return Arrays.equals(link.hash(), hash);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** Whether the (not erased) personal row is what {@code personal_digest} was computed from. */
  boolean personalDigestMatches() {
    if (personal == null
        || personal.envelope() == null
        || personal.salt() == null
        || personal.salt().length != PersonalData.SALT_LENGTH
        || personalDigest == null) {
      return false;
    }
    PersonalData data =
        new PersonalData(
            personal.userId(),
            personal.actorId(),
            personal.subject(),
            personal.clientIp(),
            personal.userAgent(),
            personal.envelope());
    return Arrays.equals(data.digest(personal.salt()), personalDigest);
  }

  boolean linksTo(@Nullable StoredRow previous) {
    return previous != null && previous.hash != null && Arrays.equals(prevHash, previous.hash);
  }
}
