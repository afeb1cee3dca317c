package ch.moveacces.profile.me;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The strong entity tag of a profile: a hash of every field and of {@code updated_at}. The content
 * is part of it because {@code updated_at} has whole seconds: two changes in one second still give
 * two tags.
 */
final class ProfileETag {

  private ProfileETag() {}

  static String of(Profile profile) {
    ProfileFields fields = profile.fields();
    String content =
        Stream.of(
                profile.userId(),
                profile.email(),
                fields.nom(),
                fields.prenom(),
                fields.dateNaissance(),
                fields.rue(),
                fields.npa(),
                fields.localite(),
                fields.tel(),
                profile.updatedAt().getEpochSecond())
            // NUL cannot occur in a field (control characters are refused), so fields never blur.
            .map(value -> Objects.toString(value, "\u0001"))
            .reduce((left, right) -> left + '\u0000' + right)
            .orElseThrow();
    return '"' + hash(content) + '"';
  }

  /** Whether an {@code If-Match} header names this tag (or {@code *}), by strong comparison. */
  static boolean matches(String ifMatch, String etag) {
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static String hash(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
