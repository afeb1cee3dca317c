package ch.moveacces.realtime;

import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A WebFlux session that can also be cut: a close frame waits behind everything queued before it,
 * so a peer that reads nothing would keep its connection (and its buffers) for ever.
 */
final class Socket extends ReactorNettyWebSocketSession {

  private final WebsocketInbound inbound;

  Socket(
      WebsocketInbound inbound,
      WebsocketOutbound outbound,
      HandshakeInfo info,
      NettyDataBufferFactory buffers,
      int maxFramePayloadLength) {
    super(inbound, outbound, info, buffers, maxFramePayloadLength);
    this.inbound = inbound;
  }

  /** Closes the TCP connection now, whatever is still queued. */
  void abort() {
    inbound.withConnection(reactor.netty.Connection::dispose);
  }
}
