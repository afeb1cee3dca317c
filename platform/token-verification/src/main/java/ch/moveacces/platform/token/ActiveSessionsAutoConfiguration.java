package ch.moveacces.platform.token;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** {@link ActiveSessions} in every process that talks to Redis. */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@EnableConfigurationProperties(SessionCheckProperties.class)
public class ActiveSessionsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(ReactiveStringRedisTemplate.class)
  ActiveSessions activeSessions(
      ReactiveStringRedisTemplate redis, SessionCheckProperties properties) {
    return new ActiveSessions(redis, properties.checkTimeout());
  }
}
