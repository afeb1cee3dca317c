package ch.moveacces.gateway.paths;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A method (or any) and a path pattern, matched the way the routes and the services behind them
 * match a request: segment by segment on the percent-decoded path. A decision taken on the raw path
 * instead ({@code /auth/%6Cogin} is not {@code "/auth/login"} as a string) would let a client reach
 * an endpoint while escaping the rules meant for it.
 */
public record RequestPattern(@Nullable HttpMethod method, PathPattern path) {

  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

  /** {@code "POST /auth/login"}, or {@code "/auth/**"} for any method. */
  public static RequestPattern parse(String definition) {
    String[] parts = definition.trim().split("\\s+");
    return switch (parts.length) {
      case 1 -> new RequestPattern(null, PARSER.parse(parts[0]));
      case 2 -> new RequestPattern(HttpMethod.valueOf(parts[0]), PARSER.parse(parts[1]));
      default ->
          throw new IllegalArgumentException("expected '[METHOD] /path', got: " + definition);
    };
  }

  public boolean matches(ServerHttpRequest request) {
    return (method == null || method.equals(request.getMethod()))
        && path.matches(request.getPath().pathWithinApplication());
  }
}
