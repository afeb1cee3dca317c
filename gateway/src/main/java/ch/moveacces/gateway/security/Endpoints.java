package ch.moveacces.gateway.security;

import ch.moveacces.gateway.paths.RequestPattern;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Matches a request against a configured list of endpoints ({@code METHOD /path/pattern}). */
final class Endpoints {

  private final List<RequestPattern> endpoints;

  Endpoints(List<String> definitions) {
    this.endpoints = definitions.stream().map(Endpoints::parse).toList();
  }

  private static RequestPattern parse(String definition) {
    RequestPattern endpoint = RequestPattern.parse(definition);
    if (endpoint.method() == null) {
      throw new IllegalArgumentException("expected 'METHOD /path', got: " + definition);
    }
    return endpoint;
  }

  boolean matches(ServerHttpRequest request) {
    return endpoints.stream().anyMatch(endpoint -> endpoint.matches(request));
  }
}
