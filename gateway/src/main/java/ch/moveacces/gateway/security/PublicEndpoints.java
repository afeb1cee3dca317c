package ch.moveacces.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Matches a request against the configured public endpoints. */
final class PublicEndpoints {

  private record Endpoint(HttpMethod method, PathPattern path) {}

  private final List<Endpoint> endpoints;

  PublicEndpoints(List<String> definitions) {
    this.endpoints = definitions.stream().map(PublicEndpoints::parse).toList();
  }

  private static Endpoint parse(String definition) {
    String[] parts = definition.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected 'METHOD /path', got: " + definition);
    }
    return new Endpoint(
        HttpMethod.valueOf(parts[0]), PathPatternParser.defaultInstance.parse(parts[1]));
  }

  boolean matches(ServerHttpRequest request) {
    PathContainer path = request.getPath().pathWithinApplication();
    return endpoints.stream()
        .anyMatch(e -> e.method().equals(request.getMethod()) && e.path().matches(path));
  }
}
