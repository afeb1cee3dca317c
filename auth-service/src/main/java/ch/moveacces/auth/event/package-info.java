/**
 * The identity events auth-service publishes, appended to its transactional outbox ({@code
 * outbox_auth}) and relayed to {@code identity.events.v1}.
 */
@NullMarked
package ch.moveacces.auth.event;

import org.jspecify.annotations.NullMarked;
