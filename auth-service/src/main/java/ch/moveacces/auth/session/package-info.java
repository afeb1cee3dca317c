@NullMarked
package ch.moveacces.auth.session;

import org.jspecify.annotations.NullMarked;
