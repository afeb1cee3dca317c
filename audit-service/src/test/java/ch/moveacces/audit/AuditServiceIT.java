package ch.moveacces.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.TestEngines;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithDatabase(ServiceAccount.AUDIT)
@WithKafka
class AuditServiceIT implements ServiceConventions, OwnMigrations {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return client;
  }

  @Override
  public String applicationName() {
    return "audit-service";
  }

  /** A consumer of events: without Kafka it has nothing to do. */
  @Override
  public List<String> readinessComponents() {
    return List.of("r2dbc", "kafka");
  }

  @Override
  public ServiceAccount account() {
    return ServiceAccount.AUDIT;
  }

  @Test
  void createsTheAuditLogWithItsOwnMigration() throws SQLException {
    try (Connection admin = TestEngines.adminConnection();
        Statement statement = admin.createStatement()) {
      try (ResultSet table =
          statement.executeQuery(
              "SELECT COUNT(*) FROM information_schema.tables"
                  + " WHERE table_schema = 'moveacces' AND table_name = 'audit_logs'")) {
        table.next();
        assertThat(table.getInt(1)).isEqualTo(1);
      }
      try (ResultSet migration =
          statement.executeQuery("SELECT success FROM flyway_history_audit WHERE version = '1'")) {
        assertThat(migration.next()).isTrue();
        assertThat(migration.getBoolean("success")).isTrue();
      }
    }
  }
}
