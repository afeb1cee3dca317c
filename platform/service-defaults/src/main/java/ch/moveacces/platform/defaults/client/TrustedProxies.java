package ch.moveacces.platform.defaults.client;

import java.net.InetAddress;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} this process believes, as address blocks: Caddy for the
 * gateway, the gateway for the services behind it. None: every client is its direct peer.
 */
public final class TrustedProxies {

  private final List<AddressBlock> blocks;

  private TrustedProxies(List<AddressBlock> blocks) {
    this.blocks = blocks;
  }

  /**
   * From CIDRs such as {@code 172.30.0.10/32} or {@code ::1/128} (blank ones ignored).
   *
   * @throws IllegalArgumentException for anything but a literal address block
   */
  public static TrustedProxies of(List<String> cidrs) {
    return new TrustedProxies(
        cidrs.stream().filter(cidr -> !cidr.isBlank()).map(AddressBlock::parse).toList());
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  boolean contains(InetAddress address) {
    return blocks.stream().anyMatch(block -> block.contains(address));
  }
}
