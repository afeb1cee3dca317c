@NullMarked
package ch.moveacces.audit;

import org.jspecify.annotations.NullMarked;
