package ch.moveacces.subscription.expiry;

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
 * while a run is still going is dropped. A failed run is logged and the next tick tries again.
 */
class ExpirySchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ExpirySchedule.class);

  private final ExpiryJob job;
  private final Duration interval;
  private volatile @Nullable Disposable running;

  ExpirySchedule(ExpiryJob job, Duration interval) {
    this.job = job;
    this.interval = interval;
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
