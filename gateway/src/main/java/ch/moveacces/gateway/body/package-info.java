@NullMarked
package ch.moveacces.gateway.body;

import org.jspecify.annotations.NullMarked;
