@NullMarked
package ch.moveacces.auth.token;

import org.jspecify.annotations.NullMarked;
