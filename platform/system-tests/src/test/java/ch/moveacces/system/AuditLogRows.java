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
 * The {@code audit_logs} table read straight from the devstack's database, as audit-service's own
 * account: counts that would take many pages of the auditors' API (and its rate limit) to add up.
 */
final class AuditLogRows {

  private final RunningSystem system;

  AuditLogRows(RunningSystem system) {
    this.system = system;
  }

  /** How many rows of {@code type} each of {@code userIds} has; users without any are left out. */
  Map<Long, Long> perUser(String type, Collection<Long> userIds) throws SQLException {
    Map<Long, Long> counts = new HashMap<>();
    String sql =
        "SELECT user_id, COUNT(*) FROM audit_logs WHERE event_type = ? AND user_id IN ("
            + placeholders(userIds)
            + ") GROUP BY user_id";
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
        "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM audit_logs WHERE event_type = ?"
            + " AND user_id IN ("
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
