@NullMarked
package ch.moveacces.platform.defaults.problem;

import org.jspecify.annotations.NullMarked;
