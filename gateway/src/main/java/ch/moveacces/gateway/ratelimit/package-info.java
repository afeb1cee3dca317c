@NullMarked
package ch.moveacces.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
