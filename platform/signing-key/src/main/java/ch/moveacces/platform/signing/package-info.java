/** auth-service's signing keys, made with the JDK alone. No Spring, no other library. */
@NullMarked
package ch.moveacces.platform.signing;

import org.jspecify.annotations.NullMarked;
