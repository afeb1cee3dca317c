package ch.moveacces.platform.outbox;

import java.util.Map;

/** An unsent outbox row as the relay locked it. */
record PendingRow(
    long id,
    String eventId,
    String topic,
    String key,
    String payload,
    Map<String, String> headers,
    int attempts) {}
