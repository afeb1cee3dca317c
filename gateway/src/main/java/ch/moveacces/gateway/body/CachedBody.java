package ch.moveacces.gateway.body;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request body read into memory (at most the body limit), and the exchange that replays it to the
 * service behind, so that the gateway can look into a body without consuming it.
 */
public record CachedBody(ServerWebExchange exchange, byte[] bytes) {

  /** Reads the body; a body over {@code maxBytes} fails with 413. */
  public static Mono<CachedBody> read(ServerWebExchange exchange, int maxBytes) {
    return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
        .map(CachedBody::copyAndRelease)
        .defaultIfEmpty(new byte[0])
        .onErrorMap(
            DataBufferLimitException.class,
            e -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE))
        .map(bytes -> new CachedBody(replaying(exchange, bytes), bytes));
  }

  private static byte[] copyAndRelease(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  /** Heap buffers, never pooled: nothing leaks when the request is refused before it is sent. */
  private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(request.getHeaders());
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.setContentLength(bytes.length);
    ServerHttpRequest replay =
        new ServerHttpRequestDecorator(request) {
          @Override
          public HttpHeaders getHeaders() {
            return headers;
          }

          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
          }
        };
    return exchange.mutate().request(replay).build();
  }
}
