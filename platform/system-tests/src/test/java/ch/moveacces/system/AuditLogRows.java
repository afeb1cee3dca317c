package ch.moveacces.system;

import ch.moveacces.legacy.ServiceAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit trail read straight from the devstack's database, as audit-service's own account:
 * counts that would take many pages of the auditors' API (and its rate limit) to add up. A chained
 * row's user is in {@code audit_personal_data}; a row recorded before chaining holds its own.
 */
final class AuditLogRows {

  private static final String EVENTS =
      "audit_logs l LEFT JOIN audit_personal_data p ON p.event_id = l.event_id";
  private static final String USER_ID = "IF(l.chain IS NULL, l.user_id, p.user_id)";

  private final RunningSystem system;

  AuditLogRows(RunningSystem system) {
    this.system = system;
  }

  /** How many rows of {@code type} each of {@code userIds} has; users without any are left out. */
  Map<Long, Long> perUser(String type, Collection<Long> userIds) throws SQLException {
    Map<Long, Long> counts = new HashMap<>();
    String sql =
        "SELECT "
            + USER_ID
            + " AS user_id, COUNT(*) FROM "
            + EVENTS
            + " WHERE l.event_type = ? AND "
            + USER_ID
            + " IN ("
            + placeholders(userIds)
            + ") GROUP BY 1";
    try (Connection connection = system.openDatabase(ServiceAccount.AUDIT);
        PreparedStatement query = prepare(connection, sql, type, userIds);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        counts.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return counts;
  }

  /** The rows of {@code type} for {@code userIds}, and how many distinct event ids among them. */
  Totals totals(String type, Collection<Long> userIds) throws SQLException {
    String sql =
        "SELECT COUNT(*), COUNT(DISTINCT l.event_id) FROM "
            + EVENTS
            + " WHERE l.event_type = ? AND "
            + USER_ID
            + " IN ("
            + placeholders(userIds)
            + ")";
    try (Connection connection = system.openDatabase(ServiceAccount.AUDIT);
        PreparedStatement query = prepare(connection, sql, type, userIds);
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return new Totals(rows.getLong(1), rows.getLong(2));
    }
  }

  record Totals(long rows, long distinctEventIds) {}

  private static PreparedStatement prepare(
      Connection connection, String sql, String type, Collection<Long> userIds)
      throws SQLException {
    PreparedStatement query = connection.prepareStatement(sql);
    query.setString(1, type);
    int index = 2;
    for (long userId : userIds) {
      query.setLong(index++, userId);
    }
    return query;
  }

  private static String placeholders(Collection<Long> userIds) {
    return userIds.stream().map(id -> "?").collect(Collectors.joining(","));
  }
}
