package ch.moveacces.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The devstack's Caddyfile, made from the development one in {@code deploy/Caddyfile} so that both
 * behave alike: its {@code (hardening)} snippet (HSTS, compression, the JSON access log with
 * tickets and tokens redacted) and its {@code localhost} site (TLS from Caddy's own CA, the body
 * size limit, no actuator, the reverse proxy) taken as they are, only the upstream pointed at the
 * devstack's gateway; around them the devstack's ports and a data directory of its own.
 */
final class DevstackCaddyfile {

  /** The development Caddyfile, relative to the repository. */
  static final String SOURCE = "deploy/Caddyfile";

  private static final String SNIPPET = "(hardening)";
  private static final String SITE = "localhost";
  private static final Pattern UPSTREAM = Pattern.compile("(?m)^(\\s*reverse_proxy\\s+)\\S+");

  private DevstackCaddyfile() {}

  /**
   * The Caddyfile for a gateway at {@code gatewayPort}, with HTTPS on {@code httpsPort}, HTTP
   * (which only redirects) on {@code httpPort}, Caddy's certificates and CA under {@code storage}.
   */
  static String render(
      String deployCaddyfile, int gatewayPort, int httpsPort, int httpPort, Path storage) {
    String snippet = block(deployCaddyfile, SNIPPET);
    String site = body(block(deployCaddyfile, SITE));
    if (!UPSTREAM.matcher(site).find()) {
      throw new IllegalStateException(
          SOURCE + ": its " + SITE + " site has no reverse_proxy line to point at the gateway");
    }
    String proxied =
        UPSTREAM.matcher(site).replaceFirst("$1" + Application.HOST + ":" + gatewayPort);
    return String.join(
        "\n",
        List.of(
            "# Written by the devstack at every start from " + SOURCE + ": change that one.",
            "{",
            // no admin API: a second Caddy on this machine has it on the same port
            "\tadmin off",
            // the CA stays in the data directory; nothing is added to the system's trust store
            "\tskip_install_trust",
            // Caddy's own redirect would send to port 443; the block below names the real port
            "\tauto_https disable_redirects",
            "\thttp_port " + httpPort,
            "\thttps_port " + httpsPort,
            "\tstorage file_system " + quoted(storage),
            "}",
            "",
            snippet,
            "",
            "http://localhost, http://" + Application.HOST + " {",
            "\tbind " + Application.HOST,
            "\tredir https://{host}:" + httpsPort + "{uri} 308",
            "}",
            "",
            "localhost, " + Application.HOST + " {",
            "\tbind " + Application.HOST,
            proxied.stripTrailing(),
            "}",
            ""));
  }

  /** Where Caddy keeps the root certificate of its CA under {@code storage}. */
  static Path rootCertificate(Path storage) {
    return storage.resolve("pki/authorities/local/root.crt");
  }

  /** The block that starts at a line of its own with {@code name {}, up to its closing brace. */
  static String block(String caddyfile, String name) {
    Pattern start = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*\\{\\s*$");
    var matcher = start.matcher(caddyfile);
    if (!matcher.find()) {
      throw new IllegalStateException(SOURCE + " has no block " + name + " { ... }");
    }
    int depth = 0;
    boolean comment = false;
    for (int i = matcher.start(); i < caddyfile.length(); i++) {
      char c = caddyfile.charAt(i);
      if (c == '\n') {
        comment = false;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(caddyfile.charAt(i - 1)))) {
        comment = true;
      } else if (!comment && c == '{') {
        depth++;
      } else if (!comment && c == '}' && --depth == 0) {
        return caddyfile.substring(matcher.start(), i + 1);
      }
    }
    throw new IllegalStateException(SOURCE + ": block " + name + " is not closed");
  }

  private static String body(String block) {
    return block.substring(block.indexOf('{') + 1, block.lastIndexOf('}'));
  }

  private static String quoted(Path path) {
    return "\"" + path.toAbsolutePath().toString().replace("\"", "\\\"") + "\"";
  }
}
