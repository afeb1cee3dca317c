@NullMarked
package ch.moveacces.gateway.security;

import org.jspecify.annotations.NullMarked;
