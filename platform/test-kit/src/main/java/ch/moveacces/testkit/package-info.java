/**
 * Tests on real engines. Annotate a {@code @SpringBootTest} with {@link WithDatabase}, {@link
 * WithRedis} and {@link WithKafka}: the engines start once per test JVM on free ports and the
 * application is pointed at them, with its own database account. {@link TestEngines} gives plain
 * tests the same engines.
 *
 * <p>By default the engines are embedded (MariaDB 11.4, redis-server, a Kafka KRaft broker); {@code
 * -Dmoveacces.test.engines=testcontainers} (Maven profile {@code testcontainers}) runs them in
 * containers instead (MySQL 8.0, Kafka, Redis 7), where Docker exists.
 */
package ch.moveacces.testkit;
