package ch.moveacces.gateway.ratelimit;

import ch.moveacces.gateway.body.BodyLimitProperties;
import ch.moveacces.gateway.body.CachedBody;
import ch.moveacces.gateway.clientip.ClientIpGatewayFilterFactory;
import ch.moveacces.gateway.paths.RequestPattern;
import ch.moveacces.gateway.redis.RedisFailOpen;
import ch.moveacces.platform.token.AuthenticatedUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rate limits in Redis with real sliding windows: login per client address and per email, register
 * and refresh per address, the rest of the API per user (per address when anonymous). Over a limit:
 * 429 with {@code Retry-After}; every counted response carries {@code RateLimit-Policy} and {@code
 * RateLimit} (draft-ietf-httpapi-ratelimit-headers). When Redis cannot count, the API passes
 * (counted as fail-open) while login, register and refresh answer 503: guessing passwords must not
 * become free during an outage.
 */
@Component
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  public static final int ORDER = -300;
  static final String POLICY_HEADER = "RateLimit-Policy";
  static final String STATE_HEADER = "RateLimit";

  // Matched as auth-service matches them, so that an encoded spelling cannot escape their limits.
  private static final RequestPattern LOGIN = RequestPattern.parse("POST /auth/login");
  private static final RequestPattern REGISTER = RequestPattern.parse("POST /auth/register");
  private static final RequestPattern REFRESH = RequestPattern.parse("POST /auth/refresh");

  private final SlidingWindows windows;
  private final RateLimitProperties limits;
  private final RedisFailOpen failOpen;
  private final int maxBodyBytes;
  private final MeterRegistry meters;

  public RateLimitGatewayFilterFactory(
      SlidingWindows windows,
      RateLimitProperties limits,
      RedisFailOpen failOpen,
      BodyLimitProperties bodyLimit,
      MeterRegistry meters) {
    super(Object.class);
    this.windows = windows;
    this.limits = limits;
    this.failOpen = failOpen;
    this.maxBodyBytes = Math.toIntExact(bodyLimit.maxRequestBody().toBytes());
    this.meters = meters;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return new OrderedGatewayFilter(this::filter, ORDER);
  }

  private Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String ip = ClientIpGatewayFilterFactory.clientIp(exchange);
    if (LOGIN.matches(exchange.getRequest())) {
      return CachedBody.read(exchange, maxBodyBytes)
          .flatMap(
              body -> {
                List<Policy> policies = new ArrayList<>();
                policies.add(new Policy("login-ip", limits.loginIp(), ip, true));
                LoginEmails.hashedEmail(body.bytes())
                    .ifPresent(
                        email ->
                            policies.add(
                                new Policy("login-email", limits.loginEmail(), email, true)));
                return enforce(body.exchange(), chain, policies);
              });
    }
    if (REGISTER.matches(exchange.getRequest())) {
      return enforce(exchange, chain, List.of(new Policy("register", limits.register(), ip, true)));
    }
    if (REFRESH.matches(exchange.getRequest())) {
      return enforce(exchange, chain, List.of(new Policy("refresh", limits.refresh(), ip, true)));
    }
    String caller =
        AuthenticatedUser.of(exchange).map(user -> "user:" + user.userId()).orElse("ip:" + ip);
    return enforce(exchange, chain, List.of(new Policy("api", limits.api(), caller, false)));
  }

  private Mono<Void> enforce(
      ServerWebExchange exchange, GatewayFilterChain chain, List<Policy> policies) {
    if (failOpen.knownDown(exchange) && policies.stream().noneMatch(Policy::failClosed)) {
      failOpen.passed("rate-limit");
      return chain.filter(exchange);
    }
    List<String> policyItems = new ArrayList<>();
    List<String> stateItems = new ArrayList<>();
    // One policy after the other: a request refused by the first is not counted by the next.
    return Flux.fromIterable(policies)
        .concatMap(
            policy ->
                windows
                    .count(policy)
                    .doOnNext(
                        verdict -> {
                          policyItems.add(policy.policyItem());
                          stateItems.add(policy.stateItem(verdict));
                        })
                    .map(verdict -> new Counted(policy, verdict)))
        .takeUntil(counted -> !counted.verdict().allowed())
        .last()
        .map(Optional::of)
        .onErrorResume(
            error -> {
              failOpen.failed(exchange, "rate-limit", error);
              return Mono.just(Optional.empty());
            })
        .flatMap(
            counted -> {
              if (counted.isEmpty()) {
                if (policies.stream().anyMatch(Policy::failClosed)) {
                  return Mono.error(unavailable());
                }
                failOpen.passed("rate-limit");
                return chain.filter(exchange);
              }
              HttpHeaders rateHeaders = new HttpHeaders();
              rateHeaders.set(POLICY_HEADER, String.join(", ", policyItems));
              rateHeaders.set(STATE_HEADER, String.join(", ", stateItems));
              Verdict last = counted.get().verdict();
              if (!last.allowed()) {
                rejected(counted.get().policy());
                return Mono.error(tooManyRequests(last, rateHeaders));
              }
              exchange.getResponse().getHeaders().putAll(rateHeaders);
              return chain.filter(exchange);
            });
  }

  private record Counted(Policy policy, Verdict verdict) {}

  /** {@code gateway_rate_limit_rejections_total{policy}}: what the operators' alert watches. */
  private void rejected(Policy policy) {
    meters.counter("gateway.rate.limit.rejections", "policy", policy.name()).increment();
  }

  private static ErrorResponseException tooManyRequests(Verdict verdict, HttpHeaders rateHeaders) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests; try again in %d s.".formatted(verdict.resetSeconds()));
    ErrorResponseException error =
        new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
    error.getHeaders().putAll(rateHeaders);
    error.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.resetSeconds()));
    return error;
  }

  private static ErrorResponseException unavailable() {
    ErrorResponseException error =
        new ErrorResponseException(
            HttpStatus.SERVICE_UNAVAILABLE,
            ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE),
            null);
    error.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    return error;
  }
}
