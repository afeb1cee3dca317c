@NullMarked
package ch.moveacces.gateway.clientip;

import org.jspecify.annotations.NullMarked;
