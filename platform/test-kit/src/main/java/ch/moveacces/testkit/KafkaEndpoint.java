package ch.moveacces.testkit;

/** The test Kafka cluster's {@code bootstrap.servers}. */
public record KafkaEndpoint(String bootstrapServers) {}
