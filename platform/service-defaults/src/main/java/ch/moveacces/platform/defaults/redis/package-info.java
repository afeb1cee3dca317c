/** How applications that use Redis find it again after an outage. */
@NullMarked
package ch.moveacces.platform.defaults.redis;

import org.jspecify.annotations.NullMarked;
