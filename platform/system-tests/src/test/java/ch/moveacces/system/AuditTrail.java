package ch.moveacces.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.moveacces.system.ApiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail as an auditor reads it through the gateway ({@code GET /audit/events}), signed in
 * once: every read counts against the auditor's own API rate limit, so waiting for an event to be
 * recorded polls once a second, not faster.
 */
final class AuditTrail {

  /** How long an event may take from the producing service's outbox to the auditor's query. */
  static final Duration RECORDING_TIME = Duration.ofSeconds(15);

  private static final String AUDITOR_EMAIL = "auditor@moveacces.ch";
  private static final String AUDITOR_PASSWORD = "Ledger-Watch-2026!";

  private final ApiClient auditor;

  private AuditTrail(ApiClient auditor) {
    this.auditor = auditor;
  }

  static AuditTrail readByTheAuditor(RunningSystem system) {
    ApiClient anonymous = ApiClient.from(system);
    Reply login =
        anonymous.post("/auth/login", Map.of("email", AUDITOR_EMAIL, "password", AUDITOR_PASSWORD));
    assertThat(login.status()).as("the auditor signs in: " + login.body()).isEqualTo(200);
    return new AuditTrail(anonymous.withToken(login.text("access_token")));
  }

  /**
   * One page of the trail for the given filters ({@code user_id}, {@code type}, …), as answered.
   */
  Reply page(Map<String, String> filters) {
    String query =
        filters.entrySet().stream()
            .map(
                filter ->
                    filter.getKey()
                        + "="
                        + URLEncoder.encode(filter.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return auditor.get("/audit/events" + (query.isEmpty() ? "" : "?" + query));
  }

  /** The rows of one page for the given filters, newest first. */
  List<JsonNode> rows(Map<String, String> filters) {
    Reply page = page(filters);
    assertThat(page.status())
        .as("GET /audit/events " + filters + ": " + page.body())
        .isEqualTo(200);
    return page.body().path("items").valueStream().toList();
  }

  /** One row by its event id ({@code GET /audit/events/{event_id}}). */
  Reply row(String eventId) {
    return auditor.get("/audit/events/" + eventId);
  }

  /** Every row the filters select, one page of {@code limit} rows after the other. */
  List<List<JsonNode>> pages(Map<String, String> filters, int limit) {
    List<List<JsonNode>> pages = new ArrayList<>();
    Map<String, String> next = new LinkedHashMap<>(filters);
    next.put("limit", String.valueOf(limit));
    while (true) {
      Reply page = page(next);
      assertThat(page.status())
          .as("page " + (pages.size() + 1) + ": " + page.body())
          .isEqualTo(200);
      pages.add(page.body().path("items").valueStream().toList());
      JsonNode cursor = page.body().path("next_cursor");
      if (cursor.isMissingNode() || cursor.isNull() || cursor.asString().isEmpty()) {
        return pages;
      }
      assertThat(pages).as("pages so far, the cursor still pointing on").hasSizeLessThan(50);
      next.put("cursor", cursor.asString());
    }
  }

  /**
   * A member's trail, newest first, once each of the expected event types has been recorded for
   * them as often as expected (it may then hold more, which the caller is there to notice).
   */
  List<JsonNode> awaitTrailOf(long userId, List<String> expectedTypes) {
    return awaitRows(
        Map.of("user_id", String.valueOf(userId), "limit", "100"),
        trail -> holdsAtLeast(trail, expectedTypes),
        "the trail of user " + userId + " to hold " + expectedTypes);
  }

  /** The rows the filters select, once they satisfy the condition. */
  List<JsonNode> awaitRows(
      Map<String, String> filters, Predicate<List<JsonNode>> condition, String description) {
    return await(description)
        .atMost(RECORDING_TIME)
        .pollDelay(Duration.ofMillis(300))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> rows(filters), condition);
  }

  private static boolean holdsAtLeast(List<JsonNode> trail, List<String> expectedTypes) {
    Map<String, Long> recorded = countByType(trail);
    return countByType(expectedTypes, Function.identity()).entrySet().stream()
        .allMatch(expected -> recorded.getOrDefault(expected.getKey(), 0L) >= expected.getValue());
  }

  private static Map<String, Long> countByType(List<JsonNode> trail) {
    return countByType(trail, row -> row.path("type").asString());
  }

  private static <T> Map<String, Long> countByType(List<T> rows, Function<T, String> type) {
    return rows.stream().collect(Collectors.groupingBy(type, Collectors.counting()));
  }
}
