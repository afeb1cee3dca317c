package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The sockets of one instance by user, with the user channels recorded in memory: the limits, the
 * channel subscribed by the first socket of a user and left with its last, and delivery.
 */
class ConnectionsTest {

  private static final int PER_USER = 2;
  private static final int PER_INSTANCE = 3;

  private final RecordedChannels channels = new RecordedChannels();
  private final Connections connections =
      new Connections(
          channels,
          new RealtimeProperties(
              Duration.ofSeconds(30),
              PER_USER,
              PER_INSTANCE,
              Duration.ofSeconds(25),
              Duration.ofSeconds(60),
              8,
              DataSize.ofKilobytes(32),
              null,
              Duration.ofSeconds(5),
              500,
              Duration.ofHours(24),
              DataSize.ofKilobytes(8),
              Duration.ofDays(30)),
          new RealtimeMetrics(new SimpleMeterRegistry()));
  private final Map<Connection, List<CloseStatus>> closes = new HashMap<>();

  @Test
  void takesAUsersSocketsUpToItsLimitThenRefusesThemAsTooMany() {
    connections.register(socketOf("7", "s1")).block();
    connections.register(socketOf("7", "s2")).block();

    assertThatThrownBy(() -> connections.register(socketOf("7", "s3")).block())
        .isInstanceOfSatisfying(
            Connections.Refusal.class,
            refusal -> assertThat(refusal.status()).isEqualTo(CloseCodes.TOO_MANY_CONNECTIONS));
    assertThat(connections.open()).isEqualTo(PER_USER);
  }

  @Test
  void refusesASocketOverTheInstancesLimit() {
    connections.register(socketOf("1", "s1")).block();
    connections.register(socketOf("2", "s2")).block();
    connections.register(socketOf("3", "s3")).block();

    assertThatThrownBy(() -> connections.register(socketOf("4", "s4")).block())
        .isInstanceOf(Connections.Refusal.class);
    assertThat(connections.open()).isEqualTo(PER_INSTANCE);
    assertThat(channels.subscribed).containsExactly("1", "2", "3");
  }

  @Test
  void holdsAUsersChannelFromItsFirstSocketToItsLast() {
    Connection first = socketOf("7", "s1");
    Connection second = socketOf("7", "s2");
    connections.register(first).block();
    connections.register(second).block();

    connections.unregister(first);
    assertThat(channels.unsubscribed).isEmpty();
    connections.unregister(second);
    connections.unregister(second);

    assertThat(channels.subscribed).containsExactly("7");
    assertThat(channels.unsubscribed).containsExactly("7");
    assertThat(connections.open()).isZero();
  }

  @Test
  void failsTheRegistrationWhenTheChannelCannotBeSubscribed() {
    channels.failing = true;

    assertThatThrownBy(() -> connections.register(socketOf("7", "s1")).block())
        .hasMessageContaining("Redis is away");
  }

  @Test
  void deliversWhatIsPublishedForAUserToEachOfItsSockets() {
    Connection phone = socketOf("7", "s1");
    Connection laptop = socketOf("7", "s2");
    Connection someoneElse = socketOf("8", "s3");
    for (Connection connection : List.of(phone, laptop, someoneElse)) {
      connections.register(connection).block();
    }

    channels.publish("7", "1700000000000-0 -\n{\"type\":\"profile.updated\"}");

    assertThat(sent(phone)).containsExactly(new Outgoing.Text("{\"type\":\"profile.updated\"}"));
    assertThat(sent(laptop)).containsExactly(new Outgoing.Text("{\"type\":\"profile.updated\"}"));
    assertThat(sent(someoneElse)).isEmpty();
  }

  @Test
  void ignoresAPublishedMessageItCannotRead() {
    Connection phone = socketOf("7", "s1");
    connections.register(phone).block();

    channels.publish("7", "no header line");
    channels.publish("7", "not-an-id -\n{}");
    channels.publish("7", "1-0\n{}");

    assertThat(sent(phone)).isEmpty();
    assertThat(closes.get(phone)).isEmpty();
  }

  @Test
  void closesTheSessionsAnEventRevokesAfterDeliveringIt() {
    Connection revoked = socketOf("7", "s1");
    Connection kept = socketOf("7", "s2");
    connections.register(revoked).block();
    connections.register(kept).block();

    channels.publish("7", "1-0 s:s1\n{\"type\":\"logged-out\"}");

    assertThat(closes.get(revoked)).containsExactly(CloseCodes.SESSION_REVOKED);
    assertThat(closes.get(kept)).isEmpty();
    assertThat(sent(kept)).containsExactly(new Outgoing.Text("{\"type\":\"logged-out\"}"));
  }

  @ParameterizedTest
  @CsvSource({
    "a, s1, true",
    "s:s1, s1, true",
    "s:s1, s2, false",
    "x:s1, s1, false",
    "x:s1, s2, true",
    "-, s1, false"
  })
  void revokesTheSessionsItsDirectiveNames(String directive, String session, boolean revoked) {
    assertThat(Connections.revokes(directive, session)).isEqualTo(revoked);
  }

  private Connection socketOf(String userId, String sessionId) {
    List<CloseStatus> closed = new ArrayList<>();
    Connection connection =
        new Connection(
            new Grant(userId, sessionId, Instant.now().plusSeconds(900)), 8, closed::add, () -> {});
    closes.put(connection, closed);
    return connection;
  }

  private static List<Outgoing> sent(Connection connection) {
    connection.terminate();
    return connection.outbound().collectList().block();
  }

  /** Redis pub/sub as the connections use it, kept in memory. */
  private static final class RecordedChannels extends UserChannels {

    final List<String> subscribed = new ArrayList<>();
    final List<String> unsubscribed = new ArrayList<>();
    boolean failing;
    private BiConsumer<String, String> listener = (user, message) -> {};

    RecordedChannels() {
      super(null);
    }

    @Override
    synchronized void listen(BiConsumer<String, String> listener) {
      this.listener = listener;
    }

    @Override
    CompletionStage<Void> subscribe(String userId) {
      if (failing) {
        return CompletableFuture.failedFuture(new IllegalStateException("Redis is away"));
      }
      subscribed.add(userId);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    void unsubscribe(String userId) {
      unsubscribed.add(userId);
    }

    void publish(String userId, String payload) {
      listener.accept(userId, payload);
    }
  }
}
