@NullMarked
package ch.moveacces.gateway;

import org.jspecify.annotations.NullMarked;
