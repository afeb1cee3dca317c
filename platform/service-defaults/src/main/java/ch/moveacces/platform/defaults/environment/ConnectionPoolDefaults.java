package ch.moveacces.platform.defaults.environment;

import java.util.Map;

/**
 * The R2DBC pool of every service with a database: 20 connections kept, up to 20 more under load,
 * each overridable from the environment. An application without R2DBC ignores these properties.
 */
final class ConnectionPoolDefaults {

  static final String SIZE = "${DB_POOL_SIZE:20}";
  static final String MAX_SIZE = "${DB_POOL_MAX_SIZE:40}";
  static final String MAX_IDLE_TIME = "${DB_POOL_MAX_IDLE_TIME:10m}";

  private ConnectionPoolDefaults() {}

  static void addTo(Map<String, Object> defaults) {
    // The pool fills to the kept size on its first use; the overflow beyond it is opened on demand.
    defaults.put("spring.r2dbc.pool.initial-size", SIZE);
    defaults.put("spring.r2dbc.pool.min-idle", SIZE);
    defaults.put("spring.r2dbc.pool.max-size", MAX_SIZE);
    // Closes what a burst opened; the pool refills to the kept size on the next use, which also
    // keeps connections younger than MySQL's wait_timeout.
    defaults.put("spring.r2dbc.pool.max-idle-time", MAX_IDLE_TIME);
  }
}
