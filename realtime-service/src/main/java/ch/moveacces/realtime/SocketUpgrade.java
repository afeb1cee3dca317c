package ch.moveacces.realtime;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Reactor Netty's upgrade as WebFlux does it ({@code ReactorNettyRequestUpgradeStrategy}), with
 * sessions that can be cut ({@link Socket}) and small frames: clients send only short messages.
 */
final class SocketUpgrade implements RequestUpgradeStrategy {

  private final int maxFramePayloadLength;

  SocketUpgrade(int maxFramePayloadLength) {
    this.maxFramePayloadLength = maxFramePayloadLength;
  }

  @Override
  public Mono<Void> upgrade(
      ServerWebExchange exchange,
      WebSocketHandler handler,
      @Nullable String subProtocol,
      Supplier<HandshakeInfo> handshakeInfoFactory) {
    ServerHttpResponse response = exchange.getResponse();
    HttpServerResponse reactorResponse = ServerHttpResponseDecorator.getNativeResponse(response);
    HandshakeInfo info = handshakeInfoFactory.get();
    NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
    return response
        .setComplete()
        .then(
            Mono.defer(
                () -> {
                  WebsocketServerSpec.Builder spec =
                      WebsocketServerSpec.builder()
                          .maxFramePayloadLength(maxFramePayloadLength)
                          .handlePing(false)
                          .compress(false);
                  if (subProtocol != null) {
                    spec.protocols(subProtocol);
                  }
                  return reactorResponse.sendWebsocket(
                      (in, out) ->
                          handler.handle(new Socket(in, out, info, buffers, maxFramePayloadLength)),
                      spec.build());
                }));
  }
}
