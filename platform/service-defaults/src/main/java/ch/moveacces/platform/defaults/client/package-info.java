/**
 * Where a request comes from: the client's address and user agent behind trusted proxies ({@link
 * ch.moveacces.platform.defaults.client.ClientOrigins}), and the origins a browser may load the app
 * from ({@link ch.moveacces.platform.defaults.client.AppOrigins}).
 */
@NullMarked
package ch.moveacces.platform.defaults.client;

import org.jspecify.annotations.NullMarked;
