package ch.moveacces.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /users/me} at a constant arrival rate through the gateway, then straight to
 * profile-service, one after the other so that they never share the CPU: what the edge adds.
 */
public class UsersMeSimulation extends Simulation {

  private static final int RATE = Integer.getInteger("rate", 500);
  private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("seconds", 60));
  // Long enough for the JIT to finish with the gateway, profile-service and this JVM: after 15 s
  // the gateway still ran partly interpreted code and collapsed at 500 req/s.
  private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUp", 120));
  private static final int MEMBERS = Integer.getInteger("members", 20);

  private final BenchUsers users = new BenchUsers();
  private final Samples viaGateway = new Samples();
  private final Samples direct = new Samples();

  public UsersMeSimulation() {
    HttpProtocolBuilder gateway = Requests.protocol(Targets.gateway());
    HttpProtocolBuilder profile = Requests.protocol(Targets.profile());
    setUp(
        // Both warm-ups first, so that this JVM is as warm for the first measured phase as for the
        // second.
        warmUp("gateway", gateway)
            .andThen(warmUp("direct", profile))
            .andThen(measured("gateway GET /users/me", viaGateway, gateway))
            .andThen(measured("direct GET /users/me", direct, profile)));
  }

  private PopulationBuilder warmUp(String target, HttpProtocolBuilder protocol) {
    String name = "warm-up " + target;
    return scenario(name)
        .feed(users.feeder())
        .exec(Requests.usersMe(name, null))
        .injectOpen(rampUsersPerSec(10).to(RATE).during(WARM_UP))
        .protocols(protocol);
  }

  private PopulationBuilder measured(String name, Samples samples, HttpProtocolBuilder protocol) {
    return scenario(name)
        .feed(users.feeder())
        .exec(Requests.usersMe(name, samples))
        .injectOpen(constantUsersPerSec(RATE).during(MEASURED))
        .protocols(protocol);
  }

  @Override
  public void before() {
    users.prepare(Targets.gateway(), MEMBERS);
    System.out.printf(
        "%d members signed in; %d req/s for %d s per target after %d s of warm-up%n",
        MEMBERS, RATE, MEASURED.toSeconds(), WARM_UP.toSeconds());
  }

  @Override
  public void after() {
    List<Samples.Sample> gateway = viaGateway.all();
    List<Samples.Sample> profile = direct.all();
    long p50 = Samples.percentile(gateway, 50) - Samples.percentile(profile, 50);
    long p99 = Samples.percentile(gateway, 99) - Samples.percentile(profile, 99);
    System.out.println();
    System.out.println("==== GET /users/me at " + RATE + " req/s ====");
    System.out.println(Samples.summary("gateway GET /users/me", gateway) + failures(viaGateway));
    System.out.println(Samples.summary("direct GET /users/me", profile) + failures(direct));
    boolean allAnswered = failed(viaGateway) == 0 && failed(direct) == 0;
    System.out.printf(
        Locale.ROOT,
        "gateway adds p50 %+d ms (target <= 2: %s), p99 %+d ms (target <= 10: %s)%n",
        p50,
        allAnswered && p50 <= 2 ? "met" : "NOT met",
        p99,
        allAnswered && p99 <= 10 ? "met" : "NOT met");
    if (!allAnswered) {
      System.out.println("not every request was answered 200: the comparison does not hold");
    }
  }

  private static long failed(Samples samples) {
    List<Samples.Sample> all = samples.all();
    return all.size() - Samples.count(all, 200) + samples.unanswered();
  }

  private static String failures(Samples samples) {
    List<Samples.Sample> all = samples.all();
    return String.format(
        "  non-200: %d (503: %d, 429: %d), unanswered: %d",
        all.size() - Samples.count(all, 200),
        Samples.count(all, 503),
        Samples.count(all, 429),
        samples.unanswered());
  }
}
