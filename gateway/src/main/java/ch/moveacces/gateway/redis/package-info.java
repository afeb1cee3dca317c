@NullMarked
package ch.moveacces.gateway.redis;

import org.jspecify.annotations.NullMarked;
