package ch.moveacces.realtime;

import java.util.List;

/** What waits in a socket's send buffer: one slot each, however many messages a replay holds. */
sealed interface Outgoing {

  record Text(String json) implements Outgoing {}

  /** A resume's replay: one slot, written message by message as the socket takes them. */
  record Batch(List<String> messages) implements Outgoing {}

  record Ping() implements Outgoing {}

  Ping PING = new Ping();
}
