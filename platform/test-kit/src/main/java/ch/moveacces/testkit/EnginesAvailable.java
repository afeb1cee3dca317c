package ch.moveacces.testkit;

import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class that needs engines when they cannot run here, loudly: only in the {@code
 * testcontainers} mode on a machine without Docker. The embedded engines always run.
 */
final class EnginesAvailable implements ExecutionCondition {

  private static volatile boolean warned;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    EngineMode mode = EngineMode.current();
    if (mode.available()) {
      return ConditionEvaluationResult.enabled("engines run here in " + mode + " mode");
    }
    if (!needsEngines(context)) {
      return ConditionEvaluationResult.enabled("asks for no engine of the test kit");
    }
    String reason =
        "SKIPPED: -D"
            + EngineMode.PROPERTY
            + "=testcontainers needs a Docker engine and none answers on this machine;"
            + " run without the testcontainers profile to use the embedded engines";
    warnOnce(reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  /** A {@link ServiceIT} may name no engine: an application on engines of its own. */
  private static boolean needsEngines(ExtensionContext context) {
    return context
        .getTestClass()
        .map(
            testClass ->
                new EnginesContextCustomizerFactory().createContextCustomizer(testClass, List.of())
                    != null)
        .orElse(true);
  }

  private static void warnOnce(String reason) {
    if (!warned) {
      warned = true;
      PrintStream err = System.err;
      err.println("*".repeat(100));
      err.println("* " + reason);
      err.println("*".repeat(100));
    }
  }
}
