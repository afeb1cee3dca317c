package ch.moveacces.platform.defaults.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of Move Acces problems. Clients branch on them, so a type, once
 * published, never changes meaning.
 */
public final class ProblemTypes {

  public static final String BASE = "https://moveacces.ch/problems/";

  private static final Map<Integer, String> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, "bad-request"),
          Map.entry(401, "unauthorized"),
          Map.entry(403, "forbidden"),
          Map.entry(404, "not-found"),
          Map.entry(405, "method-not-allowed"),
          Map.entry(406, "not-acceptable"),
          Map.entry(409, "conflict"),
          Map.entry(410, "gone"),
          Map.entry(412, "precondition-failed"),
          Map.entry(413, "content-too-large"),
          Map.entry(415, "unsupported-media-type"),
          Map.entry(422, "unprocessable-content"),
          Map.entry(429, "too-many-requests"),
          Map.entry(500, "internal-error"),
          Map.entry(502, "bad-gateway"),
          Map.entry(503, "service-unavailable"),
          Map.entry(504, "gateway-timeout"));

  private ProblemTypes() {}

  /** A problem type of its own, e.g. {@code of("invalid-credentials")}. */
  public static URI of(String name) {
    return URI.create(BASE + name);
  }

  /** The generic type of a status with no more specific problem type. */
  public static URI forStatus(HttpStatusCode status) {
    return of(BY_STATUS.getOrDefault(status.value(), "http-" + status.value()));
  }
}
