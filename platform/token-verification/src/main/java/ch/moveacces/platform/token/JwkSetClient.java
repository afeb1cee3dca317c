package ch.moveacces.platform.token;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Fetches the JWK set over HTTP; only the public parts of its keys are kept. */
final class JwkSetClient implements Supplier<Mono<JWKSet>> {

  private final WebClient client;
  private final URI uri;
  private final Duration timeout;

  JwkSetClient(WebClient client, URI uri, Duration timeout) {
    this.client = client;
    this.uri = uri;
    this.timeout = timeout;
  }

  @Override
  public Mono<JWKSet> get() {
    return client
        .get()
        .uri(uri)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(String.class)
        .timeout(timeout)
        .map(JwkSetClient::parse);
  }

  private static JWKSet parse(String json) {
    try {
      return JWKSet.parse(json).toPublicJWKSet();
    } catch (ParseException malformed) {
      throw new IllegalStateException("The JWK set is malformed", malformed);
    }
  }
}
