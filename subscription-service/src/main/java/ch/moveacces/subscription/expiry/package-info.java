/** The job that expires abonnements past their stop date. */
@NullMarked
package ch.moveacces.subscription.expiry;

import org.jspecify.annotations.NullMarked;
