package ch.moveacces.gateway.tracing;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The trace id of a client's W3C {@code traceparent}, kept only when the header is well formed
 * (version 00 to fe, a trace id and a parent id that are not all zeros): anything else a client
 * sends is not recorded anywhere.
 */
final class ClientTraceId {

  private static final Pattern TRACEPARENT =
      Pattern.compile(
          "(?!ff)[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  private ClientTraceId() {}

  static Optional<String> of(@Nullable String traceparent) {
    if (traceparent == null) {
      return Optional.empty();
    }
    Matcher matcher = TRACEPARENT.matcher(traceparent.strip());
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
