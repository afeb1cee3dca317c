package ch.moveacces.platform.token;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * auth-service's public keys, fetched once and kept for a while. A token naming a key id not in the
 * set causes one more fetch (a new key during a rotation), at most once per cooldown; concurrent
 * requests share one fetch.
 */
final class JwkSetCache implements TokenKeys {

  private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

  private final Supplier<Mono<JWKSet>> source;
  private final Clock clock;
  private final Duration ttl;
  private final Duration refetchCooldown;
  private final AtomicReference<@Nullable Fetched> fetched = new AtomicReference<>();
  private final AtomicReference<@Nullable Mono<JWKSet>> inFlight = new AtomicReference<>();

  JwkSetCache(Supplier<Mono<JWKSet>> source, Clock clock, Duration ttl, Duration refetchCooldown) {
    this.source = source;
    this.clock = clock;
    this.ttl = ttl;
    this.refetchCooldown = refetchCooldown;
  }

  @Override
  public Flux<JWK> keysFor(JWSHeader header) {
    if (!TokenKeys.mayHaveSigned(header)) {
      return Flux.empty();
    }
    JWKSelector selector = TokenKeys.selectorFor(header);
    return current()
        .flatMapMany(
            keys -> {
              List<JWK> found = selector.select(keys);
              if (!found.isEmpty() || !mayRefetch()) {
                return Flux.fromIterable(found);
              }
              return fetch().flatMapIterable(selector::select);
            });
  }

  private Mono<JWKSet> current() {
    Fetched last = fetched.get();
    if (last == null) {
      return fetch();
    }
    if (olderThan(last, ttl)) {
      return fetch()
          .onErrorResume(
              failure -> {
                log.warn("Could not refresh the JWK set; still using the keys fetched before");
                return Mono.just(last.keys());
              });
    }
    return Mono.just(last.keys());
  }

  private boolean mayRefetch() {
    Fetched last = fetched.get();
    return last == null || olderThan(last, refetchCooldown);
  }

  private boolean olderThan(Fetched last, Duration age) {
    return !clock.instant().isBefore(last.at().plus(age));
  }

  private Mono<JWKSet> fetch() {
    return Mono.defer(
        () -> {
          Mono<JWKSet> running = inFlight.get();
          if (running != null) {
            return running;
          }
          Mono<JWKSet> started =
              source
                  .get()
                  .doOnNext(keys -> fetched.set(new Fetched(keys, clock.instant())))
                  .doOnTerminate(() -> inFlight.set(null))
                  .cache();
          return inFlight.compareAndSet(null, started) ? started : fetch();
        });
  }

  private record Fetched(JWKSet keys, Instant at) {}
}
