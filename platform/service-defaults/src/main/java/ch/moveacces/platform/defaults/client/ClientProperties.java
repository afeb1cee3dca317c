package ch.moveacces.platform.defaults.client;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code moveacces.client.*}, each process with its own value ({@code TRUSTED_PROXIES}).
 *
 * @param trustedProxies CIDRs of the proxies whose {@code X-Forwarded-For} is believed: Caddy's for
 *     the gateway (which sets none by default: clients connect to it directly), the gateway's for
 *     the services behind it (loopback by default, the devstack's)
 */
@ConfigurationProperties("moveacces.client")
public record ClientProperties(
    @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> trustedProxies) {

  public ClientProperties {
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
  }
}
