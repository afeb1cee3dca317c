package ch.moveacces.realtime;

import static ch.moveacces.testkit.Engine.KAFKA;
import static ch.moveacces.testkit.Engine.REDIS;

import ch.moveacces.testkit.ServiceIT;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on the test engines, one context for every test class, with small limits that a
 * test can reach: 3 sockets per user, a send buffer of 8 messages, 4 KiB in Netty and 8 KiB in the
 * kernel, 1 s to flush a close. A new consumer group starts at the earliest offset, so that no test
 * event published while the group forms is skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIT(
    engines = {REDIS, KAFKA},
    properties = {
      "moveacces.realtime.max-connections-per-user=3",
      "moveacces.realtime.send-buffer=8",
      "moveacces.realtime.socket-write-buffer=4KB",
      "moveacces.realtime.socket-send-buffer=8KB",
      "moveacces.realtime.close-grace=1s",
      "spring.kafka.consumer.auto-offset-reset=earliest"
    })
@ContextConfiguration(initializers = Members.Keys.class)
public @interface RunningRealtimeService {}
