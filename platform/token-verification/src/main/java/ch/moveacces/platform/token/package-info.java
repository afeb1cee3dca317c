/**
 * Verifies Move Acces access tokens with the same rules in every service and the gateway: ES256
 * only, keys from auth-service's JWK set, issuer, audience and time checked.
 */
@NullMarked
package ch.moveacces.platform.token;

import org.jspecify.annotations.NullMarked;
