package ch.moveacces.platform.defaults.client;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code moveacces.client.*}.
 *
 * @param trustedProxies the addresses (IP literals) whose {@code X-Forwarded-For} is believed: the
 *     gateway's
 */
@ConfigurationProperties("moveacces.client")
public record ClientOriginProperties(
    @DefaultValue({"127.0.0.1", "::1"}) List<String> trustedProxies) {}
