package ch.moveacces.platform.events;

import java.util.List;
import java.util.regex.Pattern;

/** Kafka topic names: one per producing context, versioned with its contract. Key = subject. */
public final class Topics {

  public static final String IDENTITY = "identity.events.v1";
  public static final String PROFILE = "profile.events.v1";
  public static final String SUBSCRIPTION = "subscription.events.v1";

  public static final List<String> ALL = List.of(IDENTITY, PROFILE, SUBSCRIPTION);

  private static final String DEAD_LETTER_SUFFIX = ".dlt";
  private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9-]*");

  private Topics() {}

  /**
   * The dead-letter topic of a consumer group, e.g. {@code audit-service.dlt}: one per group, not
   * per topic, because the group owns the failure; the record keeps its key and the original topic
   * travels in the dead-letter headers.
   */
  public static String deadLetter(String consumerGroup) {
    if (consumerGroup == null || !GROUP.matcher(consumerGroup).matches()) {
      throw new IllegalArgumentException(
          "A consumer group is kebab-case, e.g. audit-service: " + consumerGroup);
    }
    return consumerGroup + DEAD_LETTER_SUFFIX;
  }
}
