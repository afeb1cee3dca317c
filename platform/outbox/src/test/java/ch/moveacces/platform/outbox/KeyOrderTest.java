package ch.moveacces.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

  @Test
  void groupsRowsByKeyInIdOrder() {
    List<PendingRow> batch = List.of(row(1, "a"), row(2, "b"), row(3, "a"), row(4, "b"));

    var publishable = KeyOrder.publishable(batch, Map.of("a", 1L, "b", 2L));

    assertThat(publishable.keySet()).containsExactly("a", "b");
    assertThat(publishable.get("a")).extracting(PendingRow::id).containsExactly(1L, 3L);
    assertThat(publishable.get("b")).extracting(PendingRow::id).containsExactly(2L, 4L);
  }

  @Test
  void aKeyWhoseOldestUnsentRowIsElsewhereSitsTheBatchOut() {
    List<PendingRow> batch = List.of(row(5, "a"), row(6, "b"));

    var publishable = KeyOrder.publishable(batch, Map.of("a", 3L, "b", 6L));

    assertThat(publishable.keySet()).containsExactly("b");
  }

  @Test
  void aKeyAlreadySentMeanwhileIsNotHeldBack() {
    var publishable = KeyOrder.publishable(List.of(row(7, "a")), Map.of());

    assertThat(publishable.keySet()).containsExactly("a");
  }

  private static PendingRow row(long id, String key) {
    return new PendingRow(id, "event-" + id, "topic", key, "{}", Map.of(), 0);
  }
}
