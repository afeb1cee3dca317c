package ch.moveacces.gateway;

import ch.moveacces.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The gateway keeps the rules every service keeps (see {@link ArchitectureRules}). */
class ArchitectureTest {

  @Test
  void keepsTheRulesOfEveryService() {
    ArchitectureRules.check("ch.moveacces.gateway");
  }
}
