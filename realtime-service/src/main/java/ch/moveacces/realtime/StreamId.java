package ch.moveacces.realtime;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A Redis stream entry id, {@code <ms>-<seq>}: the message ids, ordered per user. */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

  private static final Pattern FORMAT = Pattern.compile("\\d{1,19}-\\d{1,19}");

  static @Nullable StreamId parse(@Nullable String id) {
    if (id == null || !FORMAT.matcher(id).matches()) {
      return null;
    }
    int dash = id.indexOf('-');
    try {
      return new StreamId(
          Long.parseUnsignedLong(id, 0, dash, 10),
          Long.parseUnsignedLong(id, dash + 1, id.length(), 10));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public int compareTo(StreamId other) {
    int byMillis = Long.compareUnsigned(millis, other.millis);
    return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
  }
}
