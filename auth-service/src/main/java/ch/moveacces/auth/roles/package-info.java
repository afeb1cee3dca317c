@NullMarked
package ch.moveacces.auth.roles;

import org.jspecify.annotations.NullMarked;
