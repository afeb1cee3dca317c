/**
 * What every service's OpenAPI document shares: its title, version and description, the gateway as
 * its server, the bearer scheme and the problem responses ({@link
 * ch.moveacces.platform.defaults.openapi.ApiDocumentAutoConfiguration}).
 */
@NullMarked
package ch.moveacces.platform.defaults.openapi;

import org.jspecify.annotations.NullMarked;
