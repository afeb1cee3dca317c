package ch.moveacces.platform.outbox;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link EventOutbox} services record their events with: on the outbox once it is configured,
 * or a no-op when {@code moveacces.outbox.enabled=false} (a measurement without the outbox, never a
 * deployment: the events are lost).
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
public class EventOutboxAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EventOutboxAutoConfiguration.class);

  @Bean
  @ConditionalOnBean(Outbox.class)
  @ConditionalOnMissingBean
  EventOutbox eventOutbox(
      Outbox outbox, Environment environment, ObjectProvider<TraceContext> traceContext) {
    return new EventOutbox(
        outbox, source(environment), traceContext.getIfAvailable(() -> TraceContext.NONE));
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "moveacces.outbox.enabled", havingValue = false)
  @ConditionalOnMissingBean
  EventOutbox disabledEventOutbox(
      Environment environment, ObjectProvider<TraceContext> traceContext) {
    log.warn("moveacces.outbox.enabled=false: domain events are NOT recorded by this instance");
    return new EventOutbox(
        null, source(environment), traceContext.getIfAvailable(() -> TraceContext.NONE));
  }

  private static String source(Environment environment) {
    return environment.getRequiredProperty("spring.application.name");
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Tracer.class, Propagator.class, ContextSnapshotFactory.class})
  static class Tracing {

    @Bean
    @ConditionalOnMissingBean
    TraceContext eventTraceContext(
        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
      Tracer availableTracer = tracer.getIfAvailable();
      Propagator availablePropagator = propagator.getIfAvailable();
      if (availableTracer == null || availablePropagator == null) {
        return TraceContext.NONE;
      }
      return new TracerContext(availableTracer, availablePropagator);
    }
  }
}
