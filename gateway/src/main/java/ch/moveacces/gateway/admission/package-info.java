/** How many password-hashing requests the gateway lets through to auth-service at once. */
@NullMarked
package ch.moveacces.gateway.admission;

import org.jspecify.annotations.NullMarked;
