/**
 * Recording: every domain event read from Kafka becomes one row of {@code audit_logs}, once per
 * event id; what cannot be read or stored goes to the dead-letter topic.
 */
@NullMarked
package ch.moveacces.audit.recording;

import org.jspecify.annotations.NullMarked;
