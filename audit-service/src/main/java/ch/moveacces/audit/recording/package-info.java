/**
 * Recording: every domain event read from Kafka becomes one row of {@code audit_logs}, once per
 * event id; a record that can never be stored (unreadable, or refused by the table for its values)
 * goes to the dead-letter topic, and any other failure holds its partition until it passes.
 */
@NullMarked
package ch.moveacces.audit.recording;

import org.jspecify.annotations.NullMarked;
