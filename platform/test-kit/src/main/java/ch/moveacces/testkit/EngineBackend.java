package ch.moveacces.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/** Starts each engine on first use and keeps it for the rest of the test JVM. */
interface EngineBackend {

  /** The database, with the legacy schema, the service accounts and the seed data loaded. */
  DatabaseEndpoint database();

  /** A connection with every privilege, its catalog set to the legacy schema. */
  Connection adminConnection() throws SQLException;

  RedisEndpoint redis();

  KafkaEndpoint kafka();
}
