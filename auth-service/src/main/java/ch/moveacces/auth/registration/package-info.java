@NullMarked
package ch.moveacces.auth.registration;

import org.jspecify.annotations.NullMarked;
