package ch.moveacces.realtime;

import java.net.URI;
import java.util.List;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Upgrades {@code GET /ws} in front of WebFlux, straight on Reactor Netty. Through WebFlux, every
 * open socket would keep its whole exchange alive (request headers, attributes, the filter chain,
 * an observation) for as long as it lives: some 20 KB of heap per idle socket. Here a socket keeps
 * only what it needs: its credentials for the handshake, then its grant. Anything else on {@code
 * /ws} (not an upgrade) goes on to WebFlux, which refuses it. An upgrade from a page that is not
 * the app's ({@link SocketOrigins}) is refused with 403 before anything else.
 */
final class SocketUpgrades implements HttpHandler {

  private static final URI PATH = URI.create(SocketEndpoint.PATH);

  private final HttpHandler next;
  private final WebSocketHandler handler;
  private final SocketOrigins origins;
  private final int maxFramePayloadLength;

  SocketUpgrades(
      HttpHandler next,
      WebSocketHandler handler,
      SocketOrigins origins,
      int maxFramePayloadLength) {
    this.next = next;
    this.handler = handler;
    this.origins = origins;
    this.maxFramePayloadLength = maxFramePayloadLength;
  }

  @Override
  public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
    ServerHttpRequest stripped = CredentialsOffTheUrl.withoutCredentials(request);
    if (!isUpgrade(stripped)) {
      return next.handle(stripped, response);
    }
    if (!origins.allow(stripped)) {
      response.setStatusCode(HttpStatus.FORBIDDEN);
      return response.setComplete();
    }
    HandshakeInfo info = new HandshakeInfo(PATH, credentials(stripped), Mono.empty(), null);
    NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
    HttpServerResponse netty = ServerHttpResponseDecorator.getNativeResponse(response);
    WebsocketServerSpec spec =
        WebsocketServerSpec.builder()
            .maxFramePayloadLength(maxFramePayloadLength)
            .handlePing(false)
            .compress(false)
            .build();
    return netty.sendWebsocket(
        (in, out) -> handler.handle(new Socket(in, out, info, buffers, maxFramePayloadLength)),
        spec);
  }

  private static boolean isUpgrade(ServerHttpRequest request) {
    return HttpMethod.GET.equals(request.getMethod())
        && SocketEndpoint.PATH.equals(request.getURI().getRawPath())
        && "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
  }

  /** Only the headers that may carry a credential: nothing else of the request is kept. */
  private static HttpHeaders credentials(ServerHttpRequest request) {
    HttpHeaders credentials = new HttpHeaders();
    for (String name :
        List.of(
            CredentialsOffTheUrl.TICKET_HEADER,
            CredentialsOffTheUrl.TOKEN_HEADER,
            HttpHeaders.AUTHORIZATION)) {
      List<String> values = request.getHeaders().get(name);
      if (values != null) {
        credentials.addAll(name, values);
      }
    }
    return credentials;
  }
}
