package ch.moveacces.audit;

import ch.moveacces.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** Audit-service keeps the rules every service keeps (see {@link ArchitectureRules}). */
class ArchitectureTest {

  @Test
  void keepsTheRulesOfEveryService() {
    ArchitectureRules.check("ch.moveacces.audit");
  }
}
