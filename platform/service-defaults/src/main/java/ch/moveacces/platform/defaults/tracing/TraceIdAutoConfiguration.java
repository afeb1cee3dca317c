package ch.moveacces.platform.defaults.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The trace id of each request, for the response header and for problem bodies. */
@AutoConfiguration(after = MicrometerTracingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class TraceIdAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TraceIds traceIds(ObjectProvider<Tracer> tracer) {
    return new TraceIds(tracer.getIfAvailable());
  }

  @Bean
  @ConditionalOnMissingBean
  TraceIdResponseHeader traceIdResponseHeader(TraceIds traceIds) {
    return new TraceIdResponseHeader(traceIds);
  }
}
