@NullMarked
package ch.moveacces.gateway.health;

import org.jspecify.annotations.NullMarked;
