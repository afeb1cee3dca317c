package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.BaseSubscriber;

/** One socket's send buffer and the order of its messages, without a socket. */
class ConnectionTest {

  private static final int CAPACITY = 8;

  private final List<CloseStatus> closes = new ArrayList<>();
  private final AtomicInteger drops = new AtomicInteger();
  private final Connection connection =
      new Connection(
          new Grant("7", "session-1", Instant.now().plusSeconds(900)),
          CAPACITY,
          closes::add,
          drops::incrementAndGet);

  @Test
  void sendsLiveMessagesInTheOrderOfTheirIdsAndNoneTwice() {
    connection.live(id("1-0"), "a");
    connection.live(id("2-0"), "b");
    connection.live(id("1-5"), "older than b");
    connection.live(id("2-0"), "b again");
    connection.live(id("2-1"), "c");

    assertThat(sent()).containsExactly(text("a"), text("b"), text("c"));
  }

  @Test
  void aResumeSendsItsReplayThenWhatArrivedMeanwhileInOneOrder() {
    connection.live(id("1-0"), "before");
    assertThat(connection.startResume()).isTrue();
    assertThat(connection.startResume()).as("a second resume while one runs").isFalse();
    connection.live(id("4-0"), "live during the replay");
    connection.live(id("5-0"), "live after the replay");

    connection.resumed(
        id("2-0"),
        List.of(
            new Connection.Entry(id("2-0"), "already seen"),
            new Connection.Entry(id("3-0"), "missed"),
            new Connection.Entry(id("4-0"), "missed too")));
    connection.live(id("5-0"), "5 once more");
    connection.live(id("6-0"), "after the resume");

    assertThat(sent())
        .containsExactly(
            text("before"),
            new Outgoing.Batch(List.of("missed", "missed too", "live after the replay")),
            text("after the resume"));
  }

  @Test
  void aResumeThatCannotBeServedAsksForAResyncThenSendsWhatArrivedMeanwhile() {
    connection.live(id("9-0"), "seen");
    connection.startResume();
    connection.live(id("10-0"), "live during the resume");

    connection.resyncRequired("resync");
    connection.live(id("10-0"), "10 once more");

    assertThat(sent())
        .containsExactly(
            text("seen"), text("resync"), new Outgoing.Batch(List.of("live during the resume")));
  }

  @Test
  void aFullSendBufferClosesTheSocketAsASlowConsumerOnce() {
    List<Outgoing> written = new ArrayList<>();
    BaseSubscriber<Outgoing> slowSocket =
        new BaseSubscriber<>() {
          @Override
          protected void hookOnSubscribe(Subscription subscription) {
            // takes nothing until the test lets it
          }

          @Override
          protected void hookOnNext(Outgoing message) {
            written.add(message);
          }
        };
    connection.outbound().subscribe(slowSocket);

    for (int i = 0; i < CAPACITY + 3; i++) {
      connection.sendText("message " + i);
    }

    assertThat(closes).containsExactly(CloseCodes.SLOW_CONSUMER);
    assertThat(drops).hasValue(1);
    assertThat(connection.isClosed()).isTrue();
    slowSocket.requestUnbounded();
    assertThat(written).hasSize(CAPACITY);
  }

  @Test
  void aResumeWhoseBufferedMessagesOutgrowTheBufferClosesTheSocket() {
    connection.startResume();
    for (int i = 1; i <= CAPACITY + 1; i++) {
      connection.live(id(i + "-0"), "live " + i);
    }

    assertThat(closes).containsExactly(CloseCodes.SLOW_CONSUMER);
    assertThat(drops).hasValue(1);
  }

  @Test
  void closesOnceWithTheFirstReason() {
    connection.close(CloseCodes.IDLE);
    connection.close(CloseCodes.SESSION_REVOKED);
    connection.live(id("1-0"), "after the close");
    connection.sendText("after the close");

    assertThat(closes).containsExactly(CloseCodes.IDLE);
    assertThat(sent()).isEmpty();
  }

  @Test
  void extendsItsGrantWithAFreshToken() {
    Instant later = Instant.parse("2030-01-01T00:00:00Z");

    connection.extend(later);

    assertThat(connection.expiresAtMillis()).isEqualTo(later.toEpochMilli());
  }

  /** Everything queued so far: the send flux ends once the socket is gone. */
  private List<Outgoing> sent() {
    connection.terminate();
    return connection.outbound().collectList().block();
  }

  private static StreamId id(String id) {
    StreamId parsed = StreamId.parse(id);
    assertThat(parsed).isNotNull();
    return parsed;
  }

  private static Outgoing text(String json) {
    return new Outgoing.Text(json);
  }
}
