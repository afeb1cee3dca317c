package ch.moveacces.gateway.clientip;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The proxies in front of the gateway (Caddy, a load balancer) whose {@code X-Forwarded-For} is
 * believed, as CIDRs. Empty by default: then every client is its direct peer, and no header a
 * client sends can change the address its rate limits count against.
 */
@Validated
@ConfigurationProperties(ClientIpProperties.PREFIX)
public record ClientIpProperties(@NotNull List<String> trustedProxies) {

  public static final String PREFIX = "moveacces.gateway";

  List<Cidr> trustedBlocks() {
    return trustedProxies.stream().filter(cidr -> !cidr.isBlank()).map(Cidr::parse).toList();
  }
}
