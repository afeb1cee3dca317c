package ch.moveacces.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Profile changes at a steady rate straight to profile-service, each one an event through the
 * outbox, Kafka and audit-service: the write latency of a {@code PATCH /users/me}, and how long an
 * event takes from its commit to its {@code audit_logs} row. Run once on a normal devstack and once
 * with {@code MOVEACCES_OUTBOX_ENABLED=false} to see what the outbox costs a write.
 */
public class EventsSimulation extends Simulation {

  private static final int RATE = Integer.getInteger("rate", 100);
  private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("seconds", 120));
  // The whole pipeline (profile-service, the relay, the broker, audit- and realtime-service) needs
  // about three minutes of this load before the JIT is done with it: with 60 s the p99 of 10 s
  // windows still fell from 177 ms to 33 ms during the measured two minutes.
  private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("warmUp", 180));
  private static final int MEMBERS = Integer.getInteger("members", 20);
  private static final Duration DRAIN = Duration.ofSeconds(Integer.getInteger("drainSeconds", 60));
  private static final String TYPE = "ch.moveacces.profile.profile-updated.v1";

  private final BenchUsers users = new BenchUsers();
  private final Samples patches = new Samples();
  private final AtomicLong changes = new AtomicLong();
  private volatile Instant measuredFrom;
  private volatile Instant measuredTo;

  public EventsSimulation() {
    HttpProtocolBuilder profile = Requests.protocol(Targets.profile());
    setUp(
        scenario("warm-up PATCH /users/me")
            .feed(users.feeder())
            .exec(patch("warm-up PATCH /users/me", null))
            .injectOpen(rampUsersPerSec(10).to(RATE).during(WARM_UP))
            .protocols(profile)
            .andThen(measured(profile)));
  }

  private PopulationBuilder measured(HttpProtocolBuilder protocol) {
    return scenario("PATCH /users/me")
        .exec(
            session -> {
              if (measuredFrom == null) {
                measuredFrom = Instant.now();
              }
              return session;
            })
        .feed(users.feeder())
        .exec(patch("PATCH /users/me", patches))
        .injectOpen(constantUsersPerSec(RATE).during(MEASURED))
        .protocols(protocol);
  }

  /** Every patch changes the stored value, so that every one of them is an event. */
  private ChainBuilder patch(String name, Samples samples) {
    return CoreDsl.exec(
            http(name)
                .patch("/users/me")
                .header("Authorization", "Bearer #{token}")
                .body(
                    StringBody(
                        session -> "{\"localite\":\"Bench " + changes.incrementAndGet() + "\"}"))
                .asJson()
                .check(
                    responseTimeInMillis().saveAs("rt"),
                    status().saveAs("status"),
                    status().is(200)))
        .exec(
            session -> {
              if (samples != null) {
                if (session.contains("rt")) {
                  samples.add(session.getLong("rt"), session.getInt("status"));
                } else {
                  samples.addUnanswered();
                }
              }
              return session;
            });
  }

  @Override
  public void before() {
    users.prepare(Targets.gateway(), MEMBERS);
    System.out.printf(
        "%d members signed in; PATCH /users/me at %d/s for %d s after %d s of warm-up%n",
        MEMBERS, RATE, MEASURED.toSeconds(), WARM_UP.toSeconds());
  }

  @Override
  public void after() {
    measuredTo = Instant.now();
    List<Samples.Sample> all = patches.all();
    long ok = Samples.count(all, 200);
    System.out.println();
    System.out.println("==== events at " + RATE + " PATCH/s ====");
    System.out.println(
        Samples.summary("PATCH /users/me", all)
            + String.format(
                "  non-200: %d, unanswered: %d", all.size() - ok, patches.unanswered()));
    List<Long> latencies = auditLatenciesMicros(ok);
    if (latencies.isEmpty()) {
      System.out.println(
          "no audit rows for the measured window: the outbox is off (the comparison run) or the"
              + " events are not flowing");
      return;
    }
    long p50 = percentile(latencies, 50);
    long p99 = percentile(latencies, 99);
    System.out.printf(
        Locale.ROOT,
        "commit -> audit row over %d events (of %d patches): p50 %.1f ms (target <= 30: %s),"
            + " p99 %.1f ms (target <= 100: %s), max %.1f ms%n",
        latencies.size(),
        ok,
        p50 / 1000.0,
        p50 <= 30_000 ? "met" : "NOT met",
        p99 / 1000.0,
        p99 <= 100_000 ? "met" : "NOT met",
        latencies.getLast() / 1000.0);
  }

  /**
   * The audit rows of the measured window, once they have all arrived (or {@code drainSeconds}
   * passed): recorded_at (the audit insert, database clock) minus occurred_at (the event's time,
   * taken in the writing transaction just before its commit). Both clocks are this machine's.
   */
  private List<Long> auditLatenciesMicros(long expected) {
    String sql =
        "SELECT TIMESTAMPDIFF(MICROSECOND, occurred_at, recorded_at) FROM audit_logs"
            + " WHERE event_type = ? AND occurred_at >= ? AND occurred_at < ?";
    Instant deadline = Instant.now().plus(DRAIN);
    List<Long> latencies = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(Targets.database())) {
      while (true) {
        latencies.clear();
        try (PreparedStatement query = db.prepareStatement(sql)) {
          query.setString(1, TYPE);
          query.setTimestamp(2, utc(measuredFrom));
          query.setTimestamp(3, utc(measuredTo));
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              latencies.add(rows.getLong(1));
            }
          }
        }
        if (latencies.size() >= expected || Instant.now().isAfter(deadline)) {
          break;
        }
        Thread.sleep(500);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read audit_logs at -Ddatabase", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Collections.sort(latencies);
    return latencies;
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static long percentile(List<Long> sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
