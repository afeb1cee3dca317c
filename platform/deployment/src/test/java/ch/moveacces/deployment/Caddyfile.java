package ch.moveacces.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Caddyfile's top-level blocks (global options, snippets, sites), as text. */
record Caddyfile(String name, String content) {

  static final String DEVELOPMENT = "deploy/Caddyfile";
  static final String PRODUCTION = "deploy/Caddyfile.prod";

  /** The snippet both Caddyfiles serve the members' app with, and its site in each. */
  static final String APP_SNIPPET = "(app)";

  static final String DEVELOPMENT_APP_SITE = "localhost:4443";
  static final String PRODUCTION_APP_SITE = "{$APP_DOMAIN}";

  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(\\S+)\\s*$");

  static Caddyfile load(String name) {
    return new Caddyfile(name, RepositoryFiles.read(name));
  }

  /**
   * The block that starts at a line of its own with {@code address {}, up to its closing brace;
   * braces in comments do not count.
   */
  String block(String address) {
    Matcher start =
        Pattern.compile("(?m)^" + Pattern.quote(address) + "\\s*\\{\\s*$").matcher(content);
    if (!start.find()) {
      throw new AssertionError(name + " has no block " + address + " { ... }");
    }
    int depth = 0;
    boolean comment = false;
    // from the brace that opens the block: an address may hold braces ({$APP_DOMAIN})
    for (int i = content.lastIndexOf('{', start.end() - 1); i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\n') {
        comment = false;
      } else if (c == '#' && Character.isWhitespace(content.charAt(i - 1))) {
        comment = true;
      } else if (!comment && c == '{') {
        depth++;
      } else if (!comment && c == '}' && --depth == 0) {
        return content.substring(start.start(), i + 1);
      }
    }
    throw new AssertionError(name + ": block " + address + " is not closed");
  }

  /** What is between a block's braces: the lines after its first, up to its closing brace. */
  static String body(String block) {
    return block.substring(block.indexOf('\n') + 1, block.lastIndexOf('}'));
  }

  /** The snippets a block imports, as blocks of this file. */
  List<String> importedSnippets(String block) {
    List<String> snippets = new ArrayList<>();
    Matcher matcher = IMPORT.matcher(body(block));
    while (matcher.find()) {
      snippets.add(block("(" + matcher.group(1) + ")"));
    }
    return snippets;
  }

  /** The value of the first {@code field "value"} (or unquoted) header line, e.g. HSTS's. */
  String headerValue(String block, String field) {
    Matcher matcher =
        Pattern.compile("(?m)^\\s*" + Pattern.quote(field) + "\\s+(\"([^\"]*)\"|(\\S+))\\s*$")
            .matcher(block);
    if (!matcher.find()) {
      throw new AssertionError(name + " sets no " + field);
    }
    return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
  }
}
