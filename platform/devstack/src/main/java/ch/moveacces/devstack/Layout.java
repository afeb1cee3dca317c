package ch.moveacces.devstack;

import ch.moveacces.engines.FreePorts;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Where each engine and application listens, all on 127.0.0.1. */
record Layout(int mariadbPort, int redisPort, int kafkaPort, Map<Application, Integer> appPorts) {

  Layout {
    appPorts = Collections.unmodifiableMap(new EnumMap<>(appPorts));
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
}
