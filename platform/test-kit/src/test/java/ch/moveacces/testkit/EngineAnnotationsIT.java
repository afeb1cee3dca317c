package ch.moveacces.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.legacy.ServiceAccount;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(EngineAnnotationsIT.Empty.class)
@WithDatabase(ServiceAccount.SUBSCRIPTION)
@WithRedis
@WithKafka
class EngineAnnotationsIT {

  @Configuration
  static class Empty {}

  @Autowired Environment environment;

  @Test
  void applicationConnectsWithItsOwnAccountAndSeesOnlyItsSlice() throws Exception {
    try (Connection connection =
        DriverManager.getConnection(
            environment.getRequiredProperty("spring.flyway.url"),
            environment.getRequiredProperty("spring.flyway.user"),
            environment.getRequiredProperty("spring.flyway.password"))) {
      try (ResultSet count =
          connection.createStatement().executeQuery("SELECT COUNT(*) FROM abonnement")) {
        count.next();
        assertThat(count.getInt(1)).as("seeded abonnements").isGreaterThanOrEqualTo(2);
      }
      assertThatThrownBy(() -> connection.createStatement().executeQuery("SELECT * FROM acces_app"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("denied");
    }
    assertThat(environment.getProperty("spring.r2dbc.url"))
        .isEqualTo(TestEngines.database().r2dbcUrl());
    assertThat(environment.getProperty("spring.r2dbc.username"))
        .isEqualTo("moveacces_subscription");
  }

  @Test
  void redisPropertiesReachARealRedis() throws Exception {
    try (Socket socket =
        new Socket(
            environment.getRequiredProperty("spring.data.redis.host"),
            environment.getRequiredProperty("spring.data.redis.port", Integer.class))) {
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      var reply =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(reply.readLine()).isEqualTo("+PONG");
    }
  }

  @Test
  void kafkaPropertyReachesARealBroker() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getRequiredProperty("spring.kafka.bootstrap-servers")))) {
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
    }
  }

  @Test
  void adminConnectionSeesTheLegacySchema() throws Exception {
    try (Connection admin = TestEngines.adminConnection();
        ResultSet users =
            admin
                .createStatement()
                .executeQuery("SELECT COUNT(*) FROM users WHERE email = 'diogofebre@gmail.com'")) {
      users.next();
      assertThat(users.getInt(1)).isEqualTo(1);
    }
  }
}
