@NullMarked
package ch.moveacces.realtime;

import org.jspecify.annotations.NullMarked;
