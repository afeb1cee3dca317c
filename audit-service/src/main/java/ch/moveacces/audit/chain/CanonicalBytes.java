package ch.moveacces.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * An unambiguous byte encoding of a list of fields, to be hashed or signed: each field is its
 * length as four bytes (big-endian) and then its bytes; an absent field is the length -1 and no
 * bytes. So no two different lists encode alike ("ab","c" versus "a","bc", null versus "").
 */
public final class CanonicalBytes {

  private static final int ABSENT = -1;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

  public static CanonicalBytes of(String domain) {
    return new CanonicalBytes().text(domain);
  }

  public CanonicalBytes text(@Nullable String value) {
    return raw(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  public CanonicalBytes number(@Nullable Long value) {
    return text(value == null ? null : Long.toString(value));
  }

  public CanonicalBytes flag(boolean value) {
    return text(Boolean.toString(value));
  }

  public CanonicalBytes raw(byte @Nullable [] value) {
    int length = value == null ? ABSENT : value.length;
    bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
    if (value != null) {
      bytes.writeBytes(value);
    }
    return this;
  }

  public byte[] toByteArray() {
    return bytes.toByteArray();
  }

  /** SHA-256 of {@code prefix} followed by these bytes. */
  public byte[] sha256(byte[] prefix) {
    MessageDigest digest = sha256();
    digest.update(prefix);
    digest.update(bytes.toByteArray());
    return digest.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
    }
  }
}
