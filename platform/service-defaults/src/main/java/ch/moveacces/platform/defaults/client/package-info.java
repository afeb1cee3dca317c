/** Where a request comes from: the client's address and user agent, behind trusted proxies. */
@NullMarked
package ch.moveacces.platform.defaults.client;

import org.jspecify.annotations.NullMarked;
