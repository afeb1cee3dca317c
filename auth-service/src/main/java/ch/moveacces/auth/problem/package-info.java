@NullMarked
package ch.moveacces.auth.problem;

import org.jspecify.annotations.NullMarked;
