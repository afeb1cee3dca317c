package ch.moveacces.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows of a locked batch may go out now, grouped by key in id order. A key whose oldest
 * unsent row is not in the batch (another relay holds it, or it waits out its backoff) sits this
 * batch out: publishing its later rows first would break the key's order.
 */
final class KeyOrder {

  private KeyOrder() {}

  static Map<String, List<PendingRow>> publishable(
      List<PendingRow> batch, Map<String, Long> oldestUnsentIdPerKey) {
    Map<String, List<PendingRow>> byKey = new LinkedHashMap<>();
    for (PendingRow row : batch) {
      byKey.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row);
    }
    byKey
        .entrySet()
        .removeIf(
            group -> {
              Long oldest = oldestUnsentIdPerKey.get(group.getKey());
              return oldest != null && oldest < group.getValue().getFirst().id();
            });
    return byKey;
  }
}
