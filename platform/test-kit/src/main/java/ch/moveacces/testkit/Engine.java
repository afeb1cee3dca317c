package ch.moveacces.testkit;

/** An engine an application under test runs on; see {@link ServiceIT#engines()}. */
public enum Engine {
  /** The legacy database, with the application connected as its {@link ServiceIT#account()}. */
  DATABASE,
  REDIS,
  KAFKA
}
