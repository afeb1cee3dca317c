package ch.moveacces.system;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects, as Prometheus stores them: what remains once label
 * matchers, ranges, strings, grouping clauses, functions and keywords are taken out.
 */
final class PromQlMetricNames {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

  /** A name not inside a number ({@code 1e3}, {@code 5m}) nor a Grafana variable. */
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "atan2",
          "inf",
          "nan",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right");

  private PromQlMetricNames() {}

  static Set<String> in(String expression) {
    String rest = STRING.matcher(expression).replaceAll(" ");
    rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = NAME.matcher(rest);
    while (matcher.find()) {
      boolean function = matcher.group(2) != null;
      String name = matcher.group(1);
      if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }
}
