package ch.moveacces.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool of members registered for one run (new addresses each time, so that a run needs no fresh
 * devstack), signed in once each: logins cost an Argon2id hash, so their tokens are reused.
 */
final class BenchUsers {

  static final String PASSWORD = "Quiet-Harbour-Lantern-58";

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final List<String> emails = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  /** Registers and signs in {@code size} members through the gateway. */
  void prepare(String gateway, int size) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int i = 0; i < size; i++) {
      String email = "bench-" + run + "-" + i + "@example.ch";
      expect(
          201,
          postPatiently(
              gateway + "/auth/register",
              "{\"email\":\""
                  + email
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\",\"nom\":\"Bench\",\"prenom\":\"Member"
                  + i
                  + "\"}"),
          "register " + email);
      HttpResponse<String> login = postPatiently(gateway + "/auth/login", loginBody(email));
      expect(200, login, "login " + email);
      Matcher token = ACCESS_TOKEN.matcher(login.body());
      if (!token.find()) {
        throw new IllegalStateException("no access token in the login answer for " + email);
      }
      emails.add(email);
      tokens.add(token.group(1));
    }
  }

  /** The access tokens of the pool, one per member, in the order they were signed in. */
  List<String> tokens() {
    return List.copyOf(tokens);
  }

  static String loginBody(String email) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
  }

  /** Feeder records, round-robin over the pool: {@code token} and {@code email}. */
  Iterator<Map<String, Object>> feeder() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        int i = Math.floorMod(next.getAndIncrement(), tokens.size());
        return Map.of("token", tokens.get(i), "email", emails.get(i));
      }
    };
  }

  static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * A freshly started devstack may answer 503 for a moment (a hashing pool or Redis check still
   * warming up): the preparation waits it out, a few times, as a patient client would.
   */
  private static HttpResponse<String> postPatiently(String url, String json) {
    HttpResponse<String> response = post(url, json);
    for (int attempt = 1; response.statusCode() == 503 && attempt < 5; attempt++) {
      try {
        Thread.sleep(Duration.ofSeconds(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      response = post(url, json);
    }
    return response;
  }

  private static HttpResponse<String> post(String url, String json) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expect(int status, HttpResponse<String> response, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          what + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
