package ch.moveacces.testkit;

/** One row of an outbox table; {@code payload} is the event as the relay will publish it. */
public record OutboxRow(long id, String eventId, String topic, String key, String payload) {}
