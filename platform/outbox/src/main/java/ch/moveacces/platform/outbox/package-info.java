/**
 * Transactional outbox: {@link ch.moveacces.platform.outbox.Outbox#append} writes an already
 * serialised event in the caller's R2DBC transaction; a relay publishes it to Kafka afterwards.
 */
@NullMarked
package ch.moveacces.platform.outbox;

import org.jspecify.annotations.NullMarked;
