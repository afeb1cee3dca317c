/** Administrators' view of every member's abonnements under {@code /admin/subscriptions}. */
@NullMarked
package ch.moveacces.subscription.admin;

import org.jspecify.annotations.NullMarked;
