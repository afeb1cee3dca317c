@NullMarked
package ch.moveacces.platform.defaults.tracing;

import org.jspecify.annotations.NullMarked;
