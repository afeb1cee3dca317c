@NullMarked
package ch.moveacces.platform.defaults.kafka;

import org.jspecify.annotations.NullMarked;
