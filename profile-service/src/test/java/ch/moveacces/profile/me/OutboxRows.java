package ch.moveacces.profile.me;

import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code outbox_profile}, read and privileges changed with the administrator's
 * connection. Every row read is checked against its type's schema: whatever profile-service
 * appends, a test that reads it holds it to the contract.
 */
final class OutboxRows {

  private static final EventSchemas SCHEMAS = EventSchemas.load();

  private OutboxRows() {}

  record Row(String eventId, String topic, String key, String payload) {}

  /** The rows keyed by a member, oldest first. */
  static List<Row> of(long userId) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select =
            admin.prepareStatement(
                "SELECT event_id, topic, msg_key, payload FROM moveacces.outbox_profile"
                    + " WHERE msg_key = ? ORDER BY id")) {
      select.setString(1, Long.toString(userId));
      try (ResultSet rows = select.executeQuery()) {
        List<Row> found = new ArrayList<>();
        while (rows.next()) {
          SCHEMAS.check(rows.getString("payload"));
          found.add(
              new Row(
                  rows.getString("event_id"),
                  rows.getString("topic"),
                  rows.getString("msg_key"),
                  rows.getString("payload")));
        }
        return found;
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /** Runs {@code action} while profile-service's account may not append to its outbox. */
  static void withoutInsertPrivilege(Runnable action) {
    execute("REVOKE INSERT ON moveacces.outbox_profile FROM 'moveacces_profile'@'%'");
    try {
      action.run();
    } finally {
      execute("GRANT INSERT ON moveacces.outbox_profile TO 'moveacces_profile'@'%'");
    }
  }

  private static void execute(String sql) {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
