package ch.moveacces.platform.token;

import java.util.List;

/**
 * Path patterns a service serves without a token, added to the default security chain's public
 * paths. Declare one bean per feature that needs it, e.g. {@code PublicPaths.of("/auth/login")}.
 */
public record PublicPaths(List<String> patterns) {

  public PublicPaths {
    patterns = List.copyOf(patterns);
  }

  public static PublicPaths of(String... patterns) {
    return new PublicPaths(List.of(patterns));
  }
}
