@NullMarked
package ch.moveacces.subscription;

import org.jspecify.annotations.NullMarked;
