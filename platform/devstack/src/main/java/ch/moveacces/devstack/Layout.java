package ch.moveacces.devstack;

import ch.moveacces.engines.FreePorts;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each engine and application listens, all on 127.0.0.1 but an external Kafka or Redis, and
 * where the applications send their traces ({@code tracesEndpoint} over OTLP, {@code
 * zipkinEndpoint} to Zipkin; null for nowhere). The gateway's actuator listens on a port of its own
 * ({@code gatewayManagementPort}), never on its public one. {@code appOrigins} are where a browser
 * may load the app from (empty: nothing is set).
 */
record Layout(
    int mariadbPort,
    int redisPort,
    String kafkaBootstrapServers,
    Map<Application, Integer> appPorts,
    int gatewayManagementPort,
    URI tracesEndpoint,
    String redisHost,
    URI zipkinEndpoint,
    List<String> appOrigins) {

  /** The gateway's management port is this far above its public one: 8090 beside 8080. */
  static final int MANAGEMENT_OFFSET = 10;

  Layout {
    appPorts = Collections.unmodifiableMap(new EnumMap<>(appPorts));
    appOrigins = List.copyOf(appOrigins);
  }

  /** Without Zipkin, and no app origins given to anyone. */
  Layout(
      int mariadbPort,
      int redisPort,
      String kafkaBootstrapServers,
      Map<Application, Integer> appPorts,
      int gatewayManagementPort,
      URI tracesEndpoint,
      String redisHost) {
    this(
        mariadbPort,
        redisPort,
        kafkaBootstrapServers,
        appPorts,
        gatewayManagementPort,
        tracesEndpoint,
        redisHost,
        null,
        List.of());
  }

  /** With Redis on this host, as the devstack's own is. */
  Layout(
      int mariadbPort,
      int redisPort,
      String kafkaBootstrapServers,
      Map<Application, Integer> appPorts,
      int gatewayManagementPort,
      URI tracesEndpoint) {
    this(
        mariadbPort,
        redisPort,
        kafkaBootstrapServers,
        appPorts,
        gatewayManagementPort,
        tracesEndpoint,
        Application.HOST);
  }

  /**
   * With the embedded Kafka on {@code kafkaPort}, the gateway's management port at its usual
   * distance from its public one, and no trace export.
   */
  Layout(int mariadbPort, int redisPort, int kafkaPort, Map<Application, Integer> appPorts) {
    this(
        mariadbPort,
        redisPort,
        Application.HOST + ":" + kafkaPort,
        appPorts,
        appPorts.get(Application.GATEWAY) + MANAGEMENT_OFFSET,
        null);
  }

  Layout withTracesEndpoint(URI endpoint) {
    return new Layout(
        mariadbPort,
        redisPort,
        kafkaBootstrapServers,
        appPorts,
        gatewayManagementPort,
        endpoint,
        redisHost,
        zipkinEndpoint,
        appOrigins);
  }

  Layout withZipkinEndpoint(URI endpoint) {
    return new Layout(
        mariadbPort,
        redisPort,
        kafkaBootstrapServers,
        appPorts,
        gatewayManagementPort,
        tracesEndpoint,
        redisHost,
        endpoint,
        appOrigins);
  }

  /** The origins the app may be loaded from ({@link AppOrigins}). */
  Layout withAppOrigins(List<String> origins) {
    return new Layout(
        mariadbPort,
        redisPort,
        kafkaBootstrapServers,
        appPorts,
        gatewayManagementPort,
        tracesEndpoint,
        redisHost,
        zipkinEndpoint,
        origins);
  }

  /** The gateway's management port: beside its public one, or a free one when that is 0. */
  static int gatewayManagementPort(int gatewayPort, Map<Application, Integer> appPorts) {
    return gatewayPort == 0 ? freePortNotIn(appPorts) : gatewayPort + MANAGEMENT_OFFSET;
  }

  /**
   * The applications' ports: from the gateway's port on, or each a free one when it is 0. The
   * engines' ports are known only once they listen, so they come in separately.
   */
  static Map<Application, Integer> appPorts(int gatewayPort) {
    Map<Application, Integer> ports = new EnumMap<>(Application.class);
    for (Application app : Application.values()) {
      ports.put(app, gatewayPort == 0 ? freePortNotIn(ports) : gatewayPort + app.portOffset());
    }
    return ports;
  }

  private static int freePortNotIn(Map<Application, Integer> taken) {
    int port = FreePorts.find();
    while (taken.containsValue(port)) {
      port = FreePorts.find();
    }
    return port;
  }

  int port(Application app) {
    return appPorts.get(app);
  }

  String url(Application app) {
    return "http://" + Application.HOST + ":" + port(app);
  }

  /** Where the application's actuator answers: the gateway's own port, the others' only one. */
  String managementUrl(Application app) {
    return app == Application.GATEWAY
        ? "http://" + Application.HOST + ":" + gatewayManagementPort
        : url(app);
  }
}
