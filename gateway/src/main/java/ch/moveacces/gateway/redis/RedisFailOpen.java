package ch.moveacces.gateway.redis;

import ch.moveacces.platform.defaults.tracing.TraceIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records that a Redis check was skipped because Redis did not answer in time, and remembers it for
 * the rest of the exchange, so that one request waits for a sick Redis at most once.
 */
@Component
public class RedisFailOpen {

  public static final String METRIC = "gateway.redis.fail_open";

  private static final Logger log = LoggerFactory.getLogger(RedisFailOpen.class);
  private static final String ATTRIBUTE = RedisFailOpen.class.getName() + ".down";

  /**
   * The checks Redis serves. Their counters exist at 0 from the start: a counter born at 1 would
   * show the alert's {@code increase()} no increase for the first request let through.
   */
  static final List<String> CHECKS = List.of("session", "rate-limit");

  private final MeterRegistry meters;
  private final TraceIds traceIds;

  public RedisFailOpen(MeterRegistry meters, TraceIds traceIds) {
    this.meters = meters;
    this.traceIds = traceIds;
    CHECKS.forEach(this::counter);
  }

  /** Whether Redis already failed during this exchange. */
  public boolean knownDown(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE) != null;
  }

  /** Marks Redis as down for this exchange; the cause's message never holds a token. */
  public void failed(ServerWebExchange exchange, String check, Throwable cause) {
    exchange.getAttributes().put(ATTRIBUTE, Boolean.TRUE);
    // The gateway restores thread locals only where asked (context propagation "limited"), and this
    // runs on whichever thread Redis's error arrived on: the trace id comes from the exchange.
    traceIds.log(
        exchange,
        () ->
            log.warn(
                "Redis unavailable for the {} check on {} {}: {}",
                check,
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                cause.getClass().getSimpleName()));
  }

  /** Counts a request let through without a check Redis should have made. */
  public void passed(String check) {
    counter(check).increment();
  }

  private Counter counter(String check) {
    return Counter.builder(METRIC)
        .description("Requests let through without a Redis check because Redis did not answer")
        .tag("check", check)
        .register(meters);
  }
}
