/** The event contracts services share: envelope, types, topics, schemas. Free of Spring. */
@NullMarked
package ch.moveacces.platform.events;

import org.jspecify.annotations.NullMarked;
