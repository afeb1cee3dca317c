@NullMarked
package ch.moveacces.auth.password;

import org.jspecify.annotations.NullMarked;
