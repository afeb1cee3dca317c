package ch.moveacces.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response times of one kind of request, with the time each ended, so that percentiles and
 * throughput can be computed for the whole run or for a window of it.
 */
final class Samples {

  record Sample(long endMillis, long responseMillis, int status) {

    long startMillis() {
      return endMillis - responseMillis;
    }
  }

  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final AtomicLong unanswered = new AtomicLong();

  void add(long responseMillis, int status) {
    samples.add(new Sample(System.currentTimeMillis(), responseMillis, status));
  }

  /** A request that got no response at all (connection refused or timed out, request timeout). */
  void addUnanswered() {
    unanswered.incrementAndGet();
  }

  long unanswered() {
    return unanswered.get();
  }

  List<Sample> all() {
    return List.copyOf(samples);
  }

  List<Sample> endingBetween(long fromMillis, long toMillis) {
    return samples.stream()
        .filter(s -> s.endMillis() >= fromMillis && s.endMillis() <= toMillis)
        .toList();
  }

  static long count(List<Sample> samples, int status) {
    return samples.stream().filter(s -> s.status() == status).count();
  }

  /** The nearest-rank percentile of the response times, in milliseconds. */
  static long percentile(List<Sample> samples, double percent) {
    if (samples.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(samples.stream().map(Sample::responseMillis).toList());
    sorted.sort(Comparator.naturalOrder());
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Requests per second, from the first request's start to the last one's end. */
  static double throughput(List<Sample> samples) {
    if (samples.size() < 2) {
      return 0;
    }
    long first = samples.stream().mapToLong(Sample::startMillis).min().orElseThrow();
    long last = samples.stream().mapToLong(Sample::endMillis).max().orElseThrow();
    return samples.size() * 1000.0 / Math.max(1, last - first);
  }

  static String summary(String name, List<Sample> samples) {
    return String.format(
        Locale.ROOT,
        "%-34s n=%6d  p50=%4d ms  p95=%4d ms  p99=%4d ms  max=%5d ms  %7.1f req/s",
        name,
        samples.size(),
        percentile(samples, 50),
        percentile(samples, 95),
        percentile(samples, 99),
        samples.stream().mapToLong(Sample::responseMillis).max().orElse(-1),
        throughput(samples));
  }
}
