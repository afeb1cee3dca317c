package ch.moveacces.audit.chain;

/**
 * A chain is named after the topic-partition its rows were read from: {@code <topic>-<partition>}.
 */
public final class ChainName {

  private ChainName() {}

  public static String of(String topic, int partition) {
    if (partition < 0) {
      throw new IllegalArgumentException("A partition is never negative: " + partition);
    }
    return topic + "-" + partition;
  }
}
