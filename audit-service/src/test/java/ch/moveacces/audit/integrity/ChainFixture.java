package ch.moveacces.audit.integrity;

import ch.moveacces.audit.chain.ChainLink;
import ch.moveacces.audit.chain.PersonalData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chained rows computed as the recorder computes them ({@link ChainLink}, {@link PersonalData} with
 * a fresh salt): one row per member given, each about and done by that member, recorded a
 * millisecond apart from {@code firstRecordedAt}.
 */
final class ChainFixture {

  static final String EVENT_TYPE = "ch.moveacces.identity.logged-out.v1";

  private ChainFixture() {}

  static List<StoredRow> chain(String chain, Instant firstRecordedAt, long... members) {
    List<StoredRow> rows = new ArrayList<>();
    byte[] prevHash = ChainLink.GENESIS;
    for (int i = 0; i < members.length; i++) {
      StoredRow row = row(chain, i + 1, prevHash, firstRecordedAt.plusMillis(i), members[i]);
      rows.add(row);
      prevHash = row.hash();
    }
    return rows;
  }

  /** A row with a correct hash for its place, as someone who knows the scheme could forge it. */
  static StoredRow row(String chain, long seq, byte[] prevHash, Instant recordedAt, long member) {
    UUID eventId = UUID.randomUUID();
    Instant occurredAt = recordedAt.minusMillis(5).truncatedTo(ChronoUnit.MICROS);
    byte[] envelope =
        ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"subject\":\"" + member + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    PersonalData personal =
        new PersonalData(
            member, member, String.valueOf(member), "203.0.113.7", "Mozilla/5.0 (test)", envelope);
    byte[] salt = PersonalData.newSalt();
    byte[] digest = personal.digest(salt);
    ChainLink link =
        new ChainLink(
            chain,
            seq,
            prevHash,
            eventId,
            EVENT_TYPE,
            "/auth-service",
            occurredAt,
            recordedAt,
            "0af7651916cd43dd8448eb211c80319c",
            true,
            "user",
            "member",
            digest);
    return new StoredRow(
        chain,
        seq,
        prevHash,
        link.hash(),
        eventId.toString(),
        EVENT_TYPE,
        "/auth-service",
        link.occurredAt(),
        link.recordedAt(),
        link.traceId(),
        true,
        "user",
        "member",
        digest,
        new StoredRow.Personal(
            member,
            member,
            String.valueOf(member),
            "203.0.113.7",
            "Mozilla/5.0 (test)",
            envelope,
            salt,
            null));
  }
}
