@NullMarked
package ch.moveacces.gateway.resilience;

import org.jspecify.annotations.NullMarked;
