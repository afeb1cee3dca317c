package ch.moveacces.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Logins through the gateway: first kept at saturation (twice as many in flight as auth-service has
 * hashing threads, so its pool never idles and never refuses), then a burst of logins at once while
 * {@code GET /users/me} keeps a constant rate, to see the bounded pool refuse instead of growing.
 */
public class LoginSimulation extends Simulation {

  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final Duration SATURATED = Duration.ofSeconds(Integer.getInteger("seconds", 60));
  private static final int BURST = Integer.getInteger("burst", 500);
  private static final int BACKGROUND_RATE = Integer.getInteger("backgroundRate", 100);
  private static final int MEMBERS = Integer.getInteger("members", 20);

  private final BenchUsers users = new BenchUsers();
  private final Samples saturated = new Samples();
  private final Samples burst = new Samples();
  private final Samples background = new Samples();
  private double hashMillis;

  public LoginSimulation() {
    HttpProtocolBuilder gateway = Requests.protocol(Targets.gateway());
    setUp(
        logins("login warm-up", null)
            .injectClosed(constantConcurrentUsers(CORES).during(Duration.ofSeconds(10)))
            .protocols(gateway)
            .andThen(
                logins("login saturated", saturated)
                    .injectClosed(constantConcurrentUsers(2 * CORES).during(SATURATED))
                    .protocols(gateway))
            .andThen(
                scenario("GET /users/me beside the burst")
                    .feed(users.feeder())
                    .exec(Requests.usersMe("GET /users/me beside the burst", background))
                    .injectOpen(constantUsersPerSec(BACKGROUND_RATE).during(Duration.ofSeconds(40)))
                    .protocols(gateway),
                logins("login burst", burst)
                    .injectOpen(nothingFor(Duration.ofSeconds(10)), atOnceUsers(BURST))
                    .protocols(gateway)));
  }

  private ScenarioBuilder logins(String name, Samples samples) {
    return scenario(name).feed(users.feeder()).exec(Requests.login(name, samples));
  }

  @Override
  public void before() {
    hashMillis = Argon2HashTime.medianMillis(10);
    System.out.printf(
        Locale.ROOT,
        "Argon2id m=%d KiB t=%d p=%d: median of 10 hashes %.1f ms on %d cores%n",
        Argon2HashTime.MEMORY_KIB,
        Argon2HashTime.ITERATIONS,
        Argon2HashTime.PARALLELISM,
        hashMillis,
        CORES);
    users.prepare(Targets.gateway(), MEMBERS);
  }

  @Override
  public void after() {
    List<Samples.Sample> saturatedOk =
        saturated.all().stream().filter(s -> s.status() == 200).toList();
    double loginsPerSecond = Samples.throughput(saturatedOk);
    double target = 0.9 * CORES / (hashMillis / 1000);
    List<Samples.Sample> burstSamples = burst.all();
    long from = burstSamples.stream().mapToLong(Samples.Sample::startMillis).min().orElse(0);
    long to = burstSamples.stream().mapToLong(Samples.Sample::endMillis).max().orElse(0);
    List<Samples.Sample> duringBurst = background.endingBetween(from, to);
    long p95 = Samples.percentile(duringBurst, 95);
    int readiness = BenchUsers.status(Targets.auth() + "/actuator/health/readiness");

    System.out.println();
    System.out.println("==== logins ====");
    System.out.printf(Locale.ROOT, "Argon2id hash (median of 10): %.1f ms%n", hashMillis);
    System.out.println(Samples.summary("login saturated (200 only)", saturatedOk));
    System.out.printf(
        Locale.ROOT,
        "logins/s %.2f vs 0.9 x %d cores / %.3f s = %.2f: %s (non-200: %d)%n",
        loginsPerSecond,
        CORES,
        hashMillis / 1000,
        target,
        loginsPerSecond >= target ? "met" : "NOT met",
        saturated.all().size() - saturatedOk.size());
    System.out.println(Samples.summary("login burst", burstSamples));
    System.out.printf(
        "burst of %d: %d signed in, %d refused with 503 (expected), %d other, %d unanswered%n",
        BURST,
        Samples.count(burstSamples, 200),
        Samples.count(burstSamples, 503),
        burstSamples.size() - Samples.count(burstSamples, 200) - Samples.count(burstSamples, 503),
        burst.unanswered());
    System.out.println(
        Samples.summary("GET /users/me whole run", background.all())
            + "  non-200: "
            + (background.all().size() - Samples.count(background.all(), 200))
            + "  unanswered: "
            + background.unanswered());
    System.out.println(Samples.summary("GET /users/me during burst", duringBurst));
    System.out.printf(
        "GET /users/me p95 during the burst %d ms (target < 200: %s); "
            + "auth-service readiness after: %d (%s)%n",
        p95,
        p95 >= 0 && p95 < 200 ? "met" : "NOT met",
        readiness,
        readiness == 200 ? "up" : "DOWN");
  }
}
