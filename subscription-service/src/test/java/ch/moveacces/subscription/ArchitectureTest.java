package ch.moveacces.subscription;

import ch.moveacces.testkit.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** Subscription-service keeps the rules every service keeps (see {@link ArchitectureRules}). */
class ArchitectureTest {

  @Test
  void keepsTheRulesOfEveryService() {
    ArchitectureRules.check("ch.moveacces.subscription");
  }
}
