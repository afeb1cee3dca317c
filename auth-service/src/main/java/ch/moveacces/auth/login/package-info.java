@NullMarked
package ch.moveacces.auth.login;

import org.jspecify.annotations.NullMarked;
