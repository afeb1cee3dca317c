@NullMarked
package ch.moveacces.auth;

import org.jspecify.annotations.NullMarked;
