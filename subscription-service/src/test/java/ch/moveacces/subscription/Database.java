package ch.moveacces.subscription;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.OutboxRow;
import ch.moveacces.testkit.OutboxRows;
import ch.moveacces.testkit.TestEngines;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Members, abonnements and outbox rows written and read with the administrator's connection:
 * assertions must not trust the code under test.
 */
public final class Database {

  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final OutboxRows OUTBOX =
      OutboxRows.of("outbox_subscription", ServiceAccount.SUBSCRIPTION)
          .eachPayloadCheckedBy(
              payload -> {
                SCHEMAS.check(payload);
                EventJson.read(payload);
              });

  private Database() {}

  public static long newMember() {
    return insert(
        "INSERT INTO moveacces.users (email, nom, prenom) VALUES ('member-"
            + UUID.randomUUID()
            + "@example.ch', 'Muster', 'Anna')",
        statement -> {});
  }

  public static long newAbonnement(
      long userId, String state, LocalDate start, @Nullable LocalDate stop) {
    return insert(
        "INSERT INTO moveacces.abonnement (user_id, abo_state, abo_name, abo_date_start,"
            + " abo_date_stop, abo_price, abo_discount, abo_currency, abo_auto_renew, abo_notes)"
            + " VALUES (?, ?, 'Move Annuel', ?, ?, 590.00, 10.00, 'CHF', 1, 'staff only')",
        statement -> {
          statement.setLong(1, userId);
          statement.setString(2, state);
          statement.setDate(3, Date.valueOf(start));
          statement.setDate(4, stop == null ? null : Date.valueOf(stop));
        });
  }

  /** An abonnement running from a month ago for a year. */
  public static long newAbonnement(long userId, String state) {
    LocalDate today = LocalDate.now();
    return newAbonnement(userId, state, today.minusMonths(1), today.plusMonths(11));
  }

  public static void setCreatedAt(long abonnementId, String timestamp) {
    update(
        "UPDATE moveacces.abonnement SET created_at = '" + timestamp + "' WHERE abo_id = ?",
        abonnementId);
  }

  public static String stateOf(long abonnementId) {
    return queryOne("SELECT abo_state FROM moveacces.abonnement WHERE abo_id = ?", abonnementId);
  }

  public static long abonnementsOf(long userId) {
    return Long.parseLong(
        queryOne("SELECT COUNT(*) FROM moveacces.abonnement WHERE user_id = ?", userId));
  }

  /**
   * The events in the outbox whose key is this member, oldest first, each checked against the
   * schema of its type.
   */
  public static List<JsonNode> eventsOf(long userId) {
    List<JsonNode> events = new ArrayList<>();
    for (OutboxRow row : OUTBOX.withKey(userId)) {
      if (!Topics.SUBSCRIPTION.equals(row.topic())) {
        throw new AssertionError("Event on topic " + row.topic());
      }
      events.add(JSON.readTree(row.payload()));
    }
    return events;
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static long insert(String sql, Binder binder) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement insert = admin.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      binder.bind(insert);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static void update(String sql, long id) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement update = admin.prepareStatement(sql)) {
      update.setLong(1, id);
      update.executeUpdate();
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static String queryOne(String sql, long id) {
    try (Connection admin = TestEngines.adminConnection();
        PreparedStatement select = admin.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No row for " + id);
        }
        return row.getString(1);
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }
}
