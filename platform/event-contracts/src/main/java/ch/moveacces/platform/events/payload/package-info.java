/**
 * The {@code data} of each event type as a record: one per {@link
 * ch.moveacces.platform.events.EventType}, its components the type's fields (written in snake_case,
 * so {@code sessionId} is {@code session_id} on the wire). A producer builds the record, never a
 * map of field names, so a renamed or missing field fails to compile or fails the contract's test
 * that holds each record to its type's schema. The client's IP and user agent are not here: every
 * type carries them, from {@link ch.moveacces.platform.events.Client}.
 */
@NullMarked
package ch.moveacces.platform.events.payload;

import org.jspecify.annotations.NullMarked;
