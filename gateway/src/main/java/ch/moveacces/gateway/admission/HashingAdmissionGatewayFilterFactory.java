package ch.moveacces.gateway.admission;

import ch.moveacces.gateway.paths.RequestPattern;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Login, registration and a password change each cost auth-service one Argon2id hash (64 MiB, a few
 * hundred milliseconds of a core), and its bounded pool refuses what it cannot take. A burst of
 * them beyond that would still cost the edge its body reads, rate-limit scripts and upstream
 * connections, and auth-service its parsing and lookups, only to be refused: CPU that the other
 * routes need at that moment. So the gateway lets at most {@code max-in-flight} of them through at
 * once and answers the rest 503 with {@code Retry-After}, their bodies read off and dropped
 * unparsed; they are not counted against any rate limit. Runs right after the body limit, so that
 * what it reads off is 16 KiB at most.
 */
@Component
public class HashingAdmissionGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -475;
  static final String RETRY_AFTER_SECONDS = "1";

  private static final List<RequestPattern> HASHING =
      List.of(
          RequestPattern.parse("POST /auth/login"),
          RequestPattern.parse("POST /auth/register"),
          RequestPattern.parse("POST /auth/password"));

  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter refused;

  public HashingAdmissionGatewayFilterFactory(
      HashingAdmissionProperties properties, MeterRegistry meters) {
    super(Object.class);
    this.maxInFlight = properties.maxInFlight();
    this.refused =
        Counter.builder("gateway.hashing.admission.refusals")
            .description("Password-hashing requests answered 503 because enough were in flight")
            .register(meters);
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(this::filter, ORDER);
  }

  private Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (HASHING.stream().noneMatch(pattern -> pattern.matches(exchange.getRequest()))) {
      return chain.filter(exchange);
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      refused.increment();
      // read off and drop the small body first: a request left unread would cost the client its
      // keep-alive connection, and a burst would turn into a storm of new connections
      return exchange
          .getRequest()
          .getBody()
          .doOnNext(DataBufferUtils::release)
          .then(Mono.error(busy()));
    }
    return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
  }

  private static ErrorResponseException busy() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Too many sign-ins are being processed; try again in a moment.");
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    error.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return error;
  }
}
