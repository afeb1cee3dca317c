package ch.moveacces.testkit;

import ch.moveacces.legacy.ServiceAccount;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Reads the engines a test class asks for, by {@link ServiceIT} or by {@link WithDatabase}, {@link
 * WithRedis} and {@link WithKafka}; registered in META-INF/spring.factories.
 */
public final class EnginesContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    ServiceIT service = TestContextAnnotationUtils.findMergedAnnotation(testClass, ServiceIT.class);
    List<Engine> engines = service == null ? List.of() : List.of(service.engines());
    WithDatabase database =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, WithDatabase.class);
    EnginesContextCustomizer customizer =
        new EnginesContextCustomizer(
            database != null ? database.value() : account(testClass, service, engines),
            engines.contains(Engine.REDIS)
                || TestContextAnnotationUtils.hasAnnotation(testClass, WithRedis.class),
            engines.contains(Engine.KAFKA)
                || TestContextAnnotationUtils.hasAnnotation(testClass, WithKafka.class));
    return customizer.needsAnyEngine() ? customizer : null;
  }

  /** The account of a {@code @ServiceIT}, refused loudly where it does not fit its engines. */
  private static @Nullable ServiceAccount account(
      Class<?> testClass, @Nullable ServiceIT service, List<Engine> engines) {
    if (service == null) {
      return null;
    }
    ServiceAccount[] accounts = service.account();
    if (engines.contains(Engine.DATABASE) && accounts.length != 1) {
      throw new IllegalStateException(
          testClass.getName() + ": @ServiceIT with the DATABASE engine names exactly one account");
    }
    if (!engines.contains(Engine.DATABASE) && accounts.length != 0) {
      throw new IllegalStateException(
          testClass.getName() + ": @ServiceIT names an account but not the DATABASE engine");
    }
    return accounts.length == 1 ? accounts[0] : null;
  }
}
