package ch.moveacces.realtime;

import ch.moveacces.platform.token.ActiveSessions;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * One socket's life: authenticate, register (limits, the user's channel), check the session is
 * still active, then serve until either side closes. Every refusal comes after the upgrade, as a
 * close code (README.md).
 */
@Component
class PushSocketHandler implements WebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(PushSocketHandler.class);

  /** Stands for a ping frame in the send flux; compared by identity. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String PING = new String("ping");

  private final SocketAuthentication authentication;
  private final Connections connections;
  private final ActiveSessions sessions;
  private final ClientMessages clientMessages;
  private final RealtimeProperties properties;
  private final RealtimeMetrics metrics;
  private final Clock clock = Clock.systemUTC();

  PushSocketHandler(
      SocketAuthentication authentication,
      Connections connections,
      ActiveSessions sessions,
      ClientMessages clientMessages,
      RealtimeProperties properties,
      RealtimeMetrics metrics) {
    this.authentication = authentication;
    this.connections = connections;
    this.sessions = sessions;
    this.clientMessages = clientMessages;
    this.properties = properties;
    this.metrics = metrics;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    if (!(session instanceof Socket socket)) {
      // only SocketUpgrades opens sockets; WebFlux's own upgrade is not meant to
      return session.close(CloseStatus.SERVER_ERROR);
    }
    // through a future, so that the socket's long life keeps the grant, not the decoded token
    return Mono.fromFuture(
            () ->
                authentication
                    .authenticate(session.getHandshakeInfo())
                    .switchIfEmpty(
                        Mono.error(() -> new Connections.Refusal(CloseCodes.UNAUTHORIZED)))
                    .toFuture())
        .flatMap(
            grant ->
                grant.expiresAt().isAfter(clock.instant())
                    ? serve(socket, grant)
                    : Mono.error(new Connections.Refusal(CloseCodes.TOKEN_EXPIRED)))
        .onErrorResume(Connections.Refusal.class, refusal -> refuse(socket, refusal.status()))
        .onErrorResume(
            error -> {
              log.warn(
                  "Socket refused, Redis or the keys could not be reached: {}", error.toString());
              return refuse(socket, CloseCodes.TRY_AGAIN_LATER);
            });
  }

  private Mono<Void> refuse(Socket socket, CloseStatus status) {
    metrics.closed(status);
    return socket.close(status).onErrorResume(e -> Mono.empty());
  }

  private Mono<Void> serve(Socket socket, Grant grant) {
    Connection[] self = new Connection[1];
    Connection connection =
        new Connection(
            grant,
            properties.sendBuffer(),
            status -> closed(socket, self[0], status),
            metrics::dropped);
    self[0] = connection;
    return connections
        .register(connection)
        // after the channel is subscribed: a revocation from now on reaches this socket
        .then(Mono.defer(() -> sessions.isActive(grant.sessionId())))
        .flatMap(
            active ->
                active
                    ? Mono.<Void>empty()
                    : Mono.<Void>error(new Connections.Refusal(CloseCodes.SESSION_REVOKED)))
        .onErrorResume(
            error -> {
              connections.unregister(connection);
              connection.terminate();
              return Mono.error(error);
            })
        .then(Mono.defer(() -> run(socket, connection)));
  }

  private Mono<Void> run(Socket socket, Connection connection) {
    connection.sendText(ClientMessages.ready(secondsLeft(connection)));
    Mono<Void> in =
        socket
            .receive()
            .doOnNext(
                message -> {
                  connection.seen();
                  if (message.getType() == WebSocketMessage.Type.TEXT) {
                    clientMessages.handle(connection, message.getPayloadAsText());
                  }
                })
            .then();
    Mono<Void> out =
        socket.send(
            connection
                .outbound()
                .concatMapIterable(PushSocketHandler::texts, 1)
                .map(
                    text -> {
                      if (text == PING) {
                        return socket.pingMessage(buffers -> buffers.allocateBuffer(0));
                      }
                      metrics.sent();
                      return socket.textMessage(text);
                    }));
    return in.or(out)
        .doFinally(
            signal -> {
              connections.unregister(connection);
              connection.terminate();
            });
  }

  private static List<String> texts(Outgoing outgoing) {
    return switch (outgoing) {
      case Outgoing.Text text -> List.of(text.json());
      case Outgoing.Batch batch -> batch.messages();
      case Outgoing.Ping ping -> List.of(PING);
    };
  }

  long secondsLeft(Connection connection) {
    return Math.max(0, (connection.expiresAtMillis() - clock.millis()) / 1000);
  }

  /** The server closes: the close frame now, the connection itself after the grace period. */
  private void closed(Socket socket, Connection connection, CloseStatus status) {
    metrics.closed(status);
    connections.unregister(connection);
    log.debug("Closing a socket of user {}: {}", connection.userId(), status.getCode());
    socket.close(status).subscribe(null, error -> socket.abort());
    Mono.delay(properties.closeGrace())
        .subscribe(
            tick -> {
              socket.abort();
              connection.terminate();
            });
  }
}
