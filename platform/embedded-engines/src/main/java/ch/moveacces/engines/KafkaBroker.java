package ch.moveacces.engines;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real one-node Kafka cluster in KRaft mode (broker and controller in one server), running inside
 * this JVM with its log in a directory of the caller's. Started from Kafka's own server classes
 * rather than a test harness, so that its client port is the one asked for and its data can outlive
 * a restart: {@link #stop()} and {@link #restart()} take it down and bring it back on the same
 * ports and log, with its topics and committed offsets, as a Kafka outage would.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
  private static final int NODE_ID = 1;

  private final KafkaConfig config;
  private final int port;
  private final Path logDir;
  private KafkaRaftServer server;

  private KafkaBroker(KafkaConfig config, int port, Path logDir) {
    this.config = config;
    this.port = port;
    this.logDir = logDir;
  }

  /** Starts on {@code port} (0: any free port), keeping its log under {@code logDir}. */
  public static KafkaBroker start(int port, Path logDir) {
    int clientPort = FreePorts.orFree(port);
    int controllerPort = FreePorts.find();
    KafkaBroker broker;
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir);
      }
      KafkaConfig config = KafkaConfig.fromProps(properties(clientPort, controllerPort, logDir));
      broker = new KafkaBroker(config, clientPort, logDir);
    } catch (Exception e) {
      throw new EngineStartException("Kafka's log directory " + logDir + " is not usable", e);
    }
    broker.restart();
    return broker;
  }

  /** Starts it again after {@link #stop()}: same ports, same log; nothing if it is running. */
  public synchronized void restart() {
    if (server != null) {
      return;
    }
    long started = System.nanoTime();
    try {
      KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
      starting.startup();
      server = starting;
    } catch (Exception e) {
      throw new EngineStartException(
          "Kafka did not start on port " + port + " (is the port taken?)", e);
    }
    log.info(
        "Kafka (KRaft) up on 127.0.0.1:{} in {} ms (log in {})",
        port,
        (System.nanoTime() - started) / 1_000_000,
        logDir);
  }

  /** Shuts the broker down, keeping its log for {@link #restart()}; nothing if it is stopped. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  private static Properties properties(int clientPort, int controllerPort, Path logDir) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("num.partitions", "3");
    props.put("auto.create.topics.enable", "true");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("log.retention.hours", "168");
    return props;
  }

  private static void format(Path logDir) throws Exception {
    String dir = logDir.toAbsolutePath().toString();
    new Formatter()
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(NODE_ID)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(dir)
        .setDirectories(Set.of(dir))
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .run();
  }

  public int port() {
    return port;
  }

  /** The {@code bootstrap.servers} value for clients. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
