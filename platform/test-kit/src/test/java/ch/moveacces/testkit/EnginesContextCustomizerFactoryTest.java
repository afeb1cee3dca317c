package ch.moveacces.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnginesContextCustomizerFactoryTest {

  private final EnginesContextCustomizerFactory factory = new EnginesContextCustomizerFactory();

  @WithDatabase(ServiceAccount.AUDIT)
  @WithKafka
  static class AuditLikeTest {}

  static class NoEnginesTest {}

  @WithDatabase(ServiceAccount.AUDIT)
  @WithKafka
  static class AnotherAuditLikeTest {}

  @Test
  void readsTheEnginesATestClassAsksFor() {
    var customizer = factory.createContextCustomizer(AuditLikeTest.class, List.of());

    assertThat(customizer)
        .isEqualTo(new EnginesContextCustomizer(ServiceAccount.AUDIT, false, true));
  }

  @Test
  void leavesTestsWithoutEnginesAlone() {
    assertThat(factory.createContextCustomizer(NoEnginesTest.class, List.of())).isNull();
  }

  @Test
  void classesAskingForTheSameEnginesShareACachedContext() {
    assertThat(factory.createContextCustomizer(AuditLikeTest.class, List.of()))
        .isEqualTo(factory.createContextCustomizer(AnotherAuditLikeTest.class, List.of()));
  }
}
