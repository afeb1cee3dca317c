package ch.moveacces.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The requests the simulations send, each one's response time kept in a {@link Samples}. */
final class Requests {

  private Requests() {}

  /**
   * Connections are shared by all virtual users, as a fleet of keep-alive clients would hold them:
   * a new TCP connection per request would measure connection set-up, not the request.
   */
  static HttpProtocolBuilder protocol(String baseUrl) {
    return http.baseUrl(baseUrl)
        .shareConnections()
        .acceptHeader("application/json")
        .userAgentHeader("move-acces-benchmark");
  }

  /** {@code GET /users/me} with the fed {@code token}; anything but 200 is a failure. */
  static ChainBuilder usersMe(String name, Samples samples) {
    return CoreDsl.exec(
            http(name)
                .get("/users/me")
                .header("Authorization", "Bearer #{token}")
                .check(
                    responseTimeInMillis().saveAs("rt"),
                    status().saveAs("status"),
                    status().is(200)))
        .exec(session -> record(session, samples));
  }

  /**
   * {@code POST /auth/login} as the fed {@code email}; a 503 of the full hashing pool is expected.
   */
  static ChainBuilder login(String name, Samples samples) {
    return CoreDsl.exec(
            http(name)
                .post("/auth/login")
                .body(StringBody(session -> BenchUsers.loginBody(session.getString("email"))))
                .asJson()
                .check(
                    responseTimeInMillis().saveAs("rt"),
                    status().saveAs("status"),
                    status().in(200, 503)))
        .exec(session -> record(session, samples));
  }

  private static Session record(Session session, Samples samples) {
    if (samples == null) {
      return session;
    }
    if (session.contains("rt")) {
      samples.add(session.getLong("rt"), session.getInt("status"));
    } else {
      samples.addUnanswered();
    }
    return session;
  }
}
