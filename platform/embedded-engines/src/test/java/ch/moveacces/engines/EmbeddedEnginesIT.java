package ch.moveacces.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEnginesIT {

  @TempDir Path workDir;

  @Test
  void mariaDbEnforcesPasswordsOfAccountsCreatedByTheAdmin() throws Exception {
    try (MariaDbServer server = MariaDbServer.start(0, workDir.resolve("mariadb"))) {
      try (Connection admin = server.openAdminConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE probe");
        statement.execute("CREATE USER 'probe'@'%' IDENTIFIED BY 'probe-password'");
        statement.execute("GRANT SELECT ON probe.* TO 'probe'@'%'");
      }
      try (Connection connection =
              DriverManager.getConnection(server.jdbcUrl("probe"), "probe", "probe-password");
          ResultSet version = connection.createStatement().executeQuery("SELECT VERSION()")) {
        version.next();
        assertThat(version.getString(1)).startsWith("11.4");
      }
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl("probe"), "probe", "wrong"))
          .hasMessageContaining("Access denied");
    }
  }

  @Test
  void redisAnswersPing() throws Exception {
    try (RedisServer redis = RedisServer.startInMemory(0);
        Socket socket = new Socket("127.0.0.1", redis.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(reader.readLine()).isEqualTo("+PONG");
    }
  }

  @Test
  void kafkaBrokerServesClientsOnItsPort() throws Exception {
    int port = FreePorts.find();
    try (KafkaBroker kafka = KafkaBroker.start(port, workDir.resolve("kafka"));
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      assertThat(kafka.bootstrapServers()).endsWith(":" + port);
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
    }
  }
}
