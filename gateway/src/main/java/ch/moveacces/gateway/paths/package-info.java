@NullMarked
package ch.moveacces.gateway.paths;

import org.jspecify.annotations.NullMarked;
