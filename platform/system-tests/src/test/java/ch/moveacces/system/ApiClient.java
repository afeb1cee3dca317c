package ch.moveacces.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the public API as a mobile app would be one: JSON over HTTP through the gateway, from
 * its own client address (sent as X-Forwarded-For, which the gateway believes only because the test
 * system names 127.0.0.1 a trusted proxy), with or without an access token.
 */
final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI gateway;
  private final String clientIp;
  private final String accessToken;

  private ApiClient(URI gateway, String clientIp, String accessToken) {
    this.gateway = gateway;
    this.clientIp = clientIp;
    this.accessToken = accessToken;
  }

  /** A client from an address of its own, so that rate limits per address do not mix tests. */
  static ApiClient from(RunningSystem system) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String ip =
        "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    return new ApiClient(system.gateway(), ip, null);
  }

  /** A client from the given address, for tests that spread many requests over many addresses. */
  static ApiClient from(RunningSystem system, String clientIp) {
    return new ApiClient(system.gateway(), clientIp, null);
  }

  ApiClient withToken(String token) {
    return new ApiClient(gateway, clientIp, token);
  }

  ApiClient fromAnotherAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new ApiClient(
        gateway, "10." + random.nextInt(256) + ".1." + random.nextInt(1, 255), accessToken);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply post(String path, Map<String, ?> body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  Reply mergePatch(String path, Map<String, ?> body, String ifMatch) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .timeout(Duration.ofSeconds(15))
            .header("X-Forwarded-For", clientIp)
            .header("User-Agent", "move-acces-system-test");
    if (accessToken != null) {
      request.header("Authorization", "Bearer " + accessToken);
    }
    return request;
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
      return new Reply(response.statusCode(), response.headers().map(), body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back: status, headers, and the body as JSON (a null node when empty). */
  record Reply(int status, Map<String, java.util.List<String>> headers, JsonNode body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    String text(String field) {
      return body.path(field).asString();
    }
  }
}
