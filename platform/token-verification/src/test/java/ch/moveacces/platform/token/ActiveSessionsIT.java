package ch.moveacces.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.engines.FreePorts;
import ch.moveacces.engines.RedisServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;

class ActiveSessionsIT {

  private static RedisServer redis;

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ValidationAutoConfiguration.class,
                  DataRedisAutoConfiguration.class,
                  DataRedisReactiveAutoConfiguration.class,
                  ActiveSessionsAutoConfiguration.class))
          .withPropertyValues(
              "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port());

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.startInMemory(FreePorts.find());
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @Test
  void aSessionIsActiveExactlyWhileItsKeyExists() {
    context.run(
        started -> {
          ActiveSessions sessions = started.getBean(ActiveSessions.class);
          ReactiveStringRedisTemplate template = started.getBean(ReactiveStringRedisTemplate.class);
          String sid = UUID.randomUUID().toString();

          StepVerifier.create(sessions.isActive(sid)).expectNext(false).verifyComplete();
          template.opsForHash().put("auth:session:" + sid, "user_id", "42").block();
          StepVerifier.create(sessions.isActive(sid)).expectNext(true).verifyComplete();
          template.delete(ActiveSessions.key(sid)).block();
          StepVerifier.create(sessions.isActive(sid)).expectNext(false).verifyComplete();
        });
  }

  @Test
  void failsWithAQueryTimeoutWhenRedisDoesNotAnswerWithinTheCheckTimeout() {
    context
        .withPropertyValues("moveacces.sessions.check-timeout=1ms")
        .run(
            started ->
                StepVerifier.create(
                        started
                            .getBean(ActiveSessions.class)
                            // a first command also opens the connection: well over 1 ms
                            .isActive(UUID.randomUUID().toString()))
                    .expectError(QueryTimeoutException.class)
                    .verify(Duration.ofSeconds(5)));
  }

  @Test
  void takesItsTimeoutFromConfiguration() {
    context
        .withPropertyValues("moveacces.sessions.check-timeout=250ms")
        .run(
            started ->
                assertThat(started.getBean(SessionCheckProperties.class).checkTimeout())
                    .isEqualTo(Duration.ofMillis(250)));
  }

  @Test
  void isOnlyThereWhereRedisIs() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActiveSessionsAutoConfiguration.class))
        .run(started -> assertThat(started).doesNotHaveBean(ActiveSessions.class));
  }
}
