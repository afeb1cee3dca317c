@NullMarked
package ch.moveacces.platform.defaults.environment;

import org.jspecify.annotations.NullMarked;
