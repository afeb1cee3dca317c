package ch.moveacces.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A device's socket: what it received, in order, and the close status the server sent. */
final class TestSocket implements AutoCloseable {

  private static final ReactorNettyWebSocketClient CLIENT = new ReactorNettyWebSocketClient();

  /** Hands ping frames to the socket instead of answering them: a peer that has gone silent. */
  private static final ReactorNettyWebSocketClient DEAF_CLIENT =
      new ReactorNettyWebSocketClient(
          HttpClient.create(), () -> WebsocketClientSpec.builder().handlePing(true));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final AtomicInteger pings = new AtomicInteger();
  private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
  private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
  private final Disposable connection;

  private TestSocket(ReactorNettyWebSocketClient client, URI uri, HttpHeaders headers) {
    connection =
        client
            .execute(
                uri,
                headers,
                session -> {
                  session
                      .closeStatus()
                      .defaultIfEmpty(CloseStatus.NO_STATUS_CODE)
                      .subscribe(closed::complete);
                  Mono<Void> in =
                      session
                          .receive()
                          .doOnNext(
                              message -> {
                                if (message.getType() == WebSocketMessage.Type.PING) {
                                  pings.incrementAndGet();
                                } else if (message.getType() == WebSocketMessage.Type.TEXT) {
                                  messages.add(message.getPayloadAsText());
                                }
                              })
                          .then();
                  Mono<Void> out = session.send(outgoing.asFlux().map(session::textMessage));
                  return in.or(out);
                })
            .doFinally(signal -> closed.complete(CloseStatus.NO_STATUS_CODE))
            .subscribe(null, error -> {});
  }

  static TestSocket open(URI uri) {
    return new TestSocket(CLIENT, uri, new HttpHeaders());
  }

  static TestSocket open(URI uri, HttpHeaders headers) {
    return new TestSocket(CLIENT, uri, headers);
  }

  /**
   * A socket that never answers the server's pings (nor sends anything unless told to); the pings
   * it receives are counted.
   */
  static TestSocket openDeaf(URI uri) {
    return new TestSocket(DEAF_CLIENT, uri, new HttpHeaders());
  }

  /** WebSocket pings received so far; counted only on a socket from {@link #openDeaf}. */
  int pings() {
    return pings.get();
  }

  void send(String text) {
    outgoing.tryEmitNext(text);
  }

  /** The next message, waiting at most this long; fails when none came. */
  JsonNode next(Duration within) {
    JsonNode message = poll(within);
    assertThat(message).as("a message within %s", within).isNotNull();
    return message;
  }

  @Nullable JsonNode poll(Duration within) {
    try {
      String text = messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      return text == null ? null : JSON.readTree(text);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next message, which must be of this type. */
  JsonNode expect(String type, Duration within) {
    JsonNode message = next(within);
    assertThat(message.path("type").asString()).as("message %s", message).isEqualTo(type);
    return message;
  }

  /** Waits for the server's {@code ready}: the socket is registered and its channel subscribed. */
  TestSocket ready() {
    expect("ready", Duration.ofSeconds(10));
    return this;
  }

  /** Messages received so far, without waiting. */
  List<JsonNode> drain() {
    List<String> texts = new ArrayList<>();
    messages.drainTo(texts);
    return texts.stream().map(JSON::readTree).toList();
  }

  /** The close status, waiting at most this long; fails when the socket is still open. */
  CloseStatus closeStatus(Duration within) {
    try {
      return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("The socket was not closed within " + within, e);
    }
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    connection.dispose();
  }
}
