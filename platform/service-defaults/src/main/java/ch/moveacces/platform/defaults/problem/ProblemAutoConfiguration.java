package ch.moveacces.platform.defaults.problem;

import ch.moveacces.platform.defaults.tracing.TraceIdAutoConfiguration;
import ch.moveacces.platform.defaults.tracing.TraceIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem responses for every error, in place of Boot's defaults. */
@AutoConfiguration(
    after = TraceIdAutoConfiguration.class,
    before = {WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Problems problems(TraceIds traceIds, ObjectProvider<JsonMapper> jsonMapper) {
    JsonMapper mapper = jsonMapper.getIfAvailable();
    return new Problems(
        traceIds,
        mapper != null ? mapper.deserializationConfig().getPropertyNamingStrategy() : null);
  }

  /** Ahead of Boot's default handler (order -1), which is not created beside this one. */
  @Bean
  @Order(-2)
  @ConditionalOnMissingBean(ErrorWebExceptionHandler.class)
  ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler(
      Problems problems, ServerCodecConfigurer codecs) {
    return new ProblemErrorWebExceptionHandler(problems, codecs);
  }

  @Bean
  @ConditionalOnBooleanProperty("spring.webflux.problemdetails.enabled")
  @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
  ProblemDetailsExceptionHandler problemDetailsExceptionHandler(Problems problems) {
    return new ProblemDetailsExceptionHandler(problems);
  }
}
