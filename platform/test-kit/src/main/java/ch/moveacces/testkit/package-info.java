/**
 * Tests on real engines. Annotate a test of a whole application with {@link ServiceIT}, naming its
 * engines and database account; a smaller Spring context with {@link WithDatabase}, {@link
 * WithRedis} and {@link WithKafka}. The engines start once per test JVM on free ports and the
 * application is pointed at them, with its own database account. {@link TestEngines} gives plain
 * tests the same engines; {@link OutboxRows} and {@link TopicReader} read what an application wrote
 * and published.
 *
 * <p>By default the engines are embedded (MariaDB 11.4, redis-server, a Kafka KRaft broker); {@code
 * -Dmoveacces.test.engines=testcontainers} (Maven profile {@code testcontainers}) runs them in
 * containers instead (MySQL 8.0, Kafka, Redis 7), where Docker exists.
 */
package ch.moveacces.testkit;
