package ch.moveacces.subscription.expiry;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the expiry job at start-up and then every interval, one run at a time: a tick that comes
 * while a run is still going is dropped. A failed run is logged and the next tick tries again. Each
 * run is an observation of its own, so the events it writes carry a trace an SRE can follow (there
 * is no request to inherit one from).
 */
class ExpirySchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExpirySchedule.class);

  private final ExpiryJob job;
  private final Duration interval;
  private final ObservationRegistry observations;
  private volatile @Nullable Disposable running;

  ExpirySchedule(ExpiryJob job, Duration interval, ObservationRegistry observations) {
    this.job = job;
    this.interval = interval;
    this.observations = observations;
  }

  @Override
  public void start() {
    running =
        Flux.interval(Duration.ZERO, interval)
            .onBackpressureDrop()
            .concatMap(tick -> run(), 0)
            .subscribe();
  }

  private Mono<Integer> run() {
    Observation observation = Observation.createNotStarted("abonnement.expiry", observations);
    return Mono.defer(
            () -> {
              observation.start();
              return observed();
            })
        .doFinally(signal -> observation.stop())
        .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
  }

  private Mono<Integer> observed() {
    return job.expireDue()
        .doOnNext(
            expired -> {
              if (expired > 0) {
                log.info("Expired {} abonnements past their stop date", expired);
              }
            })
        .onErrorResume(
            failure -> {
              log.warn("Expiring abonnements failed; the next run tries again", failure);
              return Mono.empty();
            });
  }

  @Override
  public void stop() {
    Disposable current = running;
    if (current != null) {
      current.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
