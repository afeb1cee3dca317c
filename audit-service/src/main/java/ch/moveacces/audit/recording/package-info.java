/**
 * Recording: every parseable event read from Kafka becomes one link of its topic-partition's hash
 * chain in {@code audit_logs} and one row of {@code audit_personal_data}, once per event id,
 * flagged when it breaks its schema; a record that can never be stored (not parseable, or refused
 * by the table for its values) goes to the dead-letter topic, from which {@link DeadLetterReplay}
 * moves it back once it can be; any other failure holds its partition until it passes.
 */
@NullMarked
package ch.moveacces.audit.recording;

import org.jspecify.annotations.NullMarked;
