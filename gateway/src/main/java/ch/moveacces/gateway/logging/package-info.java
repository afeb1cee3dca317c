/** What the gateway's log lines may carry: never a credential from a URL. */
@NullMarked
package ch.moveacces.gateway.logging;

import org.jspecify.annotations.NullMarked;
