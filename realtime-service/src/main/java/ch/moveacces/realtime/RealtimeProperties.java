package ch.moveacces.realtime;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code moveacces.realtime.*}; see README.md.
 *
 * @param ticketTtl how long a ticket from {@code POST /realtime/ticket} may wait for its socket
 * @param maxConnectionsPerUser open sockets of one user on one instance
 * @param maxConnections open sockets on one instance, all users together
 * @param pingInterval how often the server sends a WebSocket ping to each socket
 * @param idleTimeout a socket from which no frame at all came for this long is closed
 * @param sendBuffer messages queued for one socket before it counts as a slow consumer
 * @param socketWriteBuffer bytes Netty queues for one socket before it stops writing to it
 * @param socketSendBuffer the kernel's send buffer per connection ({@code SO_SNDBUF}); unset, the
 *     kernel sizes it (up to {@code net.ipv4.tcp_wmem}'s maximum, megabytes per slow client)
 * @param closeGrace how long a closed socket may take to flush its close frame before it is cut
 * @param historySize entries kept in each user's stream for resuming ({@code MAXLEN ~})
 * @param historyTtl life of a user's stream after its last entry
 * @param maxClientMessage largest frame a client may send
 * @param deadLetterRetention how long {@code realtime-service.dlt} keeps a record ({@code
 *     retention.ms}, set when the topic is created or the service starts); at least 30 days, so
 *     that a dead letter outlives any holiday of whoever has to replay it
 */
@Validated
@ConfigurationProperties(RealtimeProperties.PREFIX)
public record RealtimeProperties(
    @DefaultValue("30s") Duration ticketTtl,
    @DefaultValue("10") int maxConnectionsPerUser,
    @DefaultValue("20000") int maxConnections,
    @DefaultValue("25s") Duration pingInterval,
    @DefaultValue("60s") Duration idleTimeout,
    @DefaultValue("64") int sendBuffer,
    @DefaultValue("32KB") DataSize socketWriteBuffer,
    @Nullable DataSize socketSendBuffer,
    @DefaultValue("5s") Duration closeGrace,
    @DefaultValue("500") int historySize,
    @DefaultValue("24h") Duration historyTtl,
    @DefaultValue("8KB") DataSize maxClientMessage,
    @DefaultValue("30d") Duration deadLetterRetention) {

  public static final String PREFIX = "moveacces.realtime";

  public RealtimeProperties {
    positive("ticket-ttl", ticketTtl);
    positive("ping-interval", pingInterval);
    positive("idle-timeout", idleTimeout);
    positive("close-grace", closeGrace);
    positive("history-ttl", historyTtl);
    if (ticketTtl.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException(PREFIX + ".ticket-ttl is at most 30s");
    }
    if (historyTtl.compareTo(Duration.ofHours(24)) < 0) {
      throw new IllegalArgumentException(PREFIX + ".history-ttl is at least 24h");
    }
    if (deadLetterRetention.compareTo(Duration.ofDays(30)) < 0) {
      throw new IllegalArgumentException(PREFIX + ".dead-letter-retention is at least 30d");
    }
    atLeastOne("max-connections-per-user", maxConnectionsPerUser);
    atLeastOne("max-connections", maxConnections);
    atLeastOne("send-buffer", sendBuffer);
    atLeastOne("history-size", historySize);
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be positive");
    }
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be at least 1");
    }
  }
}
