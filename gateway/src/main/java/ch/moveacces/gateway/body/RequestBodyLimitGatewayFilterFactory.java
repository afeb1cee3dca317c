package ch.moveacces.gateway.body;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413: at once from {@code Content-Length}, and for a
 * body streamed without one (chunked) by reading at most the limit before anything is sent on.
 */
@Component
public class RequestBodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -480;

  private final int maxBytes;

  public RequestBodyLimitGatewayFilterFactory(BodyLimitProperties properties) {
    super(Object.class);
    this.maxBytes = Math.toIntExact(properties.maxRequestBody().toBytes());
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(
        (exchange, chain) -> {
          HttpHeaders headers = exchange.getRequest().getHeaders();
          long length = headers.getContentLength();
          if (length > maxBytes) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
          }
          // Netty reads exactly Content-Length bytes; only a body without it needs counting.
          if (length >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
          }
          return CachedBody.read(exchange, maxBytes)
              .flatMap(cached -> chain.filter(cached.exchange()));
        },
        ORDER);
  }
}
