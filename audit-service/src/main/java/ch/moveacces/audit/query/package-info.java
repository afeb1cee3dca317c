/** The auditors' reading of the trail: {@code GET /audit/events} and {@code /audit/events/{id}}. */
@NullMarked
package ch.moveacces.audit.query;

import org.jspecify.annotations.NullMarked;
