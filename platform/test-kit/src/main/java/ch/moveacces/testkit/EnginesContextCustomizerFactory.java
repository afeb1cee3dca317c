package ch.moveacces.testkit;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Reads the engine annotations of a test class; registered in META-INF/spring.factories. */
public final class EnginesContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    WithDatabase database =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, WithDatabase.class);
    EnginesContextCustomizer customizer =
        new EnginesContextCustomizer(
            database == null ? null : database.value(),
            TestContextAnnotationUtils.hasAnnotation(testClass, WithRedis.class),
            TestContextAnnotationUtils.hasAnnotation(testClass, WithKafka.class));
    return customizer.needsAnyEngine() ? customizer : null;
  }
}
