/**
 * Abonnements, their states and the transitions between them; a member's own abonnements under
 * {@code /subscriptions}.
 */
@NullMarked
package ch.moveacces.subscription.abonnement;

import org.jspecify.annotations.NullMarked;
