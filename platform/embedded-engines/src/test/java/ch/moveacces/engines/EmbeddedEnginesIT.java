package ch.moveacces.engines;

import static java.util.concurrent.TimeUnit.SECONDS;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
  void persistentRedisComesBackOnItsPortWithItsData() throws Exception {
    try (RedisServer redis = RedisServer.startPersistent(0, workDir.resolve("redis"))) {
      assertThat(redisCommand(redis.port(), "SET kept yes")).isEqualTo("+OK");

      redis.stop();
      assertThat(redis.isRunning()).isFalse();
      redis.restart();

      assertThat(redis.isRunning()).isTrue();
      assertThat(redisCommand(redis.port(), "EXISTS kept")).isEqualTo(":1");
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

  @Test
  void kafkaBrokerComesBackOnItsPortWithItsTopicsAndCommittedOffsets() throws Exception {
    int port = FreePorts.find();
    try (KafkaBroker kafka = KafkaBroker.start(port, workDir.resolve("kafka"))) {
      try (Producer<String, String> producer = producer(kafka);
          Consumer<String, String> consumer = consumer(kafka)) {
        for (String value : List.of("first", "second")) {
          producer.send(new ProducerRecord<>("outage.probe", "key", value)).get(30, SECONDS);
        }
        consumer.subscribe(List.of("outage.probe"));
        assertThat(pollValues(consumer, 2)).containsExactly("first", "second");
        consumer.commitSync();
      }

      kafka.stop();
      assertThat(kafka.isRunning()).isFalse();
      assertThat(FreePorts.isFree(port)).as("client port released").isTrue();
      kafka.restart();

      assertThat(kafka.isRunning()).isTrue();
      assertThat(kafka.port()).isEqualTo(port);
      try (Producer<String, String> producer = producer(kafka);
          Consumer<String, String> consumer = consumer(kafka)) {
        producer.send(new ProducerRecord<>("outage.probe", "key", "third")).get(30, SECONDS);
        consumer.subscribe(List.of("outage.probe"));
        assertThat(pollValues(consumer, 1))
            .as("resumes after the committed offset")
            .containsExactly("third");
      }
    }
  }

  /** One inline command; the first line of its answer. */
  private static String redisCommand(int port, String command) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  private static Producer<String, String> producer(KafkaBroker kafka) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            30_000),
        new StringSerializer(),
        new StringSerializer());
  }

  private static Consumer<String, String> consumer(KafkaBroker kafka) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "outage-probe",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }

  private static List<String> pollValues(Consumer<String, String> consumer, int count) {
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (values.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
    }
    return values;
  }
}
