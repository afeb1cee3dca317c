package ch.moveacces.realtime;

import ch.moveacces.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** Realtime-service keeps the rules every service keeps (see {@link ArchitectureRules}). */
class ArchitectureTest {

  @Test
  void keepsTheRulesOfEveryService() {
    ArchitectureRules.check("ch.moveacces.realtime");
  }
}
