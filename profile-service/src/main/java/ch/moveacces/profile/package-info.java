@NullMarked
package ch.moveacces.profile;

import org.jspecify.annotations.NullMarked;
