package ch.moveacces.auth.event;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: its IP address and user agent, each null when not known (events leave an
 * unknown value out rather than carry a placeholder).
 */
public record Client(@Nullable String ip, @Nullable String userAgent) {

  public static final Client UNKNOWN = new Client(null, null);
}
