package ch.moveacces.platform.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose ES256 signature has already been verified, so that a client's next requests with the
 * same token skip the verification, the bulk of a token check's cost. Only the signature's result
 * is remembered: the claims' rules (exp, nbf, iss, aud) are applied again on every use. An entry
 * lives no longer than the keys it was verified with are used without a new fetch, so a key taken
 * out of the JWK set stops being honoured as soon as it would without this cache.
 */
final class VerifiedTokens {

  private final Cache<String, Jwt> verified;

  VerifiedTokens(long maximumSize, Duration lifetime, Ticker ticker) {
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterWrite(lifetime)
            .ticker(ticker)
            .build();
  }

  /** The verified token, or null if this exact token was not verified lately. */
  Jwt get(String token) {
    return verified.getIfPresent(token);
  }

  void remember(String token, Jwt jwt) {
    verified.put(token, jwt);
  }

  long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }
}
