package ch.moveacces.platform.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a step over and over: again at once when it reports more work, otherwise after the interval.
 * A failing step is logged and retried after the interval. Stopping ends the pause at once but lets
 * a running step finish, so that a relay batch is never cut between publishing and marking.
 */
final class PeriodicTask implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private final Supplier<Mono<Boolean>> step;
  private volatile boolean running;
  private volatile Sinks.Empty<Void> stopping = Sinks.empty();
  private volatile Mono<Void> stopped = Mono.empty();
  private volatile Disposable loop = Disposables.disposed();
  private final AtomicBoolean woken = new AtomicBoolean();
  private final Sinks.Many<Boolean> wakes = Sinks.many().multicast().directBestEffort();

  PeriodicTask(String name, Duration interval, Supplier<Mono<Boolean>> step) {
    this.name = name;
    this.interval = interval;
    this.step = step;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    Sinks.Empty<Void> stop = Sinks.empty();
    // a wake-up during the step is remembered, so the next pause is skipped
    Mono<Void> pause =
        Mono.defer(
            () ->
                woken.getAndSet(false)
                    ? Mono.<Void>empty()
                    : Mono.firstWithSignal(
                            Mono.delay(interval, Schedulers.parallel()).then(),
                            stop.asMono(),
                            wakes.asFlux().next().then())
                        .doFinally(signal -> woken.set(false)));
    Mono<Void> cycle =
        Mono.defer(step)
            .onErrorResume(
                error -> {
                  log.warn("{} failed, trying again in {}", name, interval, error);
                  return Mono.just(false);
                })
            .flatMap(more -> more ? Mono.<Void>empty() : pause);
    Mono<Void> whole = cycle.repeat(() -> running).then().cache();
    stopping = stop;
    stopped = whole;
    loop = whole.subscribe();
  }

  @Override
  public synchronized void stop(Runnable callback) {
    running = false;
    stopping.tryEmitEmpty();
    stopped.doFinally(signal -> callback.run()).subscribe();
  }

  @Override
  public synchronized void stop() {
    running = false;
    stopping.tryEmitEmpty();
    loop.dispose();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Runs the step now if it is pausing, or once more right after the current run. */
  void wakeUp() {
    woken.set(true);
    wakes.tryEmitNext(Boolean.TRUE);
  }

  String name() {
    return name;
  }
}
