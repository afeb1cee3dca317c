package ch.moveacces.platform.events;

import org.jspecify.annotations.Nullable;

/**
 * Where a request came from, as events and sessions record it: the client's IP address and user
 * agent, each null when not known (an unknown value is left out, never a placeholder). The user
 * agent is cut to {@value #MAX_USER_AGENT} characters, never inside a surrogate pair.
 */
public record Client(@Nullable String ip, @Nullable String userAgent) {

  public static final int MAX_USER_AGENT = 255;
  public static final Client UNKNOWN = new Client(null, null);

  public Client {
    ip = blankToNull(ip);
    userAgent = cut(blankToNull(userAgent));
  }

  private static @Nullable String cut(@Nullable String agent) {
    if (agent == null || agent.length() <= MAX_USER_AGENT) {
      return agent;
    }
    int end =
        Character.isHighSurrogate(agent.charAt(MAX_USER_AGENT - 1))
            ? MAX_USER_AGENT - 1
            : MAX_USER_AGENT;
    return agent.substring(0, end);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
