package ch.moveacces.platform.defaults.openapi;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code moveacces.api.*}: how a service's OpenAPI document introduces it.
 *
 * @param title the document's title; the application's name when absent
 * @param description what the service offers, in a few sentences
 * @param version the API's version; the build's ({@code BuildProperties}) when absent
 * @param serverUrl where clients reach the API: the gateway's public URL, never the service's own
 *     port (the devstack's gateway by default; {@code MOVEACCES_API_SERVER_URL})
 */
@ConfigurationProperties(ApiDocumentProperties.PREFIX)
public record ApiDocumentProperties(
    @Nullable String title,
    @Nullable String description,
    @Nullable String version,
    @DefaultValue(DEFAULT_SERVER_URL) URI serverUrl) {

  public static final String PREFIX = "moveacces.api";
  public static final String DEFAULT_SERVER_URL = "http://localhost:8080";
}
