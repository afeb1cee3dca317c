package ch.moveacces.audit.chain;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The personal part of one audit row ({@code audit_personal_data}): who the event is about, who
 * acted, from where, and the envelope as received. The chain covers it only through {@link
 * #digest}, salted with random bytes kept beside it: once the row is erased (salt included), the
 * digest left in the chain cannot be used to test a guess of what it was.
 */
public record PersonalData(
    @Nullable Long userId,
    @Nullable Long actorId,
    @Nullable String subject,
    @Nullable String clientIp,
    @Nullable String userAgent,
    byte[] envelope) {

  public static final int SALT_LENGTH = 16;

  private static final String DOMAIN = "moveacces.audit.personal.v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  public PersonalData {
    envelope = envelope.clone();
  }

  public static byte[] newSalt() {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return salt;
  }

  public byte[] digest(byte[] salt) {
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException("A salt is " + SALT_LENGTH + " bytes");
    }
    return CanonicalBytes.of(DOMAIN)
        .number(userId)
        .number(actorId)
        .text(subject)
        .text(clientIp)
        .text(userAgent)
        .raw(envelope)
        .sha256(salt);
  }

  @Override
  public byte[] envelope() {
    return envelope.clone();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PersonalData data
        && Objects.equals(userId, data.userId)
        && Objects.equals(actorId, data.actorId)
        && Objects.equals(subject, data.subject)
        && Objects.equals(clientIp, data.clientIp)
        && Objects.equals(userAgent, data.userAgent)
        && Arrays.equals(envelope, data.envelope);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, actorId, subject, Arrays.hashCode(envelope));
  }

  @Override
  public String toString() {
    // personal data stays out of logs
    return "PersonalData[" + envelope.length + " bytes]";
  }
}
