@NullMarked
package ch.moveacces.gateway.headers;

import org.jspecify.annotations.NullMarked;
