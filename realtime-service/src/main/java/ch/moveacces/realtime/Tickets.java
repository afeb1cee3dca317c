package ch.moveacces.realtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One-time tickets for opening a socket without putting the access token in a URL. A ticket is 256
 * random bits; Redis keeps only its SHA-256, with the grant it stands for, for at most {@code
 * ticket-ttl}, and {@code GETDEL} redeems it: a second use finds nothing.
 */
@Component
class Tickets {

  static final String KEY_PREFIX = "realtime:ticket:";

  private final ReactiveStringRedisTemplate redis;
  private final SecureRandom random = new SecureRandom();

  Tickets(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** A new ticket for this grant, valid for {@code ttl}. */
  Mono<String> issue(Grant grant, Duration ttl) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String value =
        grant.userId() + "\n" + grant.sessionId() + "\n" + grant.expiresAt().getEpochSecond();
    return redis.opsForValue().set(key(ticket), value, ttl).thenReturn(ticket);
  }

  /** The grant of a ticket, removing it; empty when unknown, used or expired. */
  Mono<Grant> redeem(String ticket) {
    if (ticket.length() > 64) {
      return Mono.empty();
    }
    return redis.opsForValue().getAndDelete(key(ticket)).mapNotNull(Tickets::grant);
  }

  private static Grant grant(String value) {
    String[] parts = value.split("\n");
    if (parts.length != 3) {
      return null;
    }
    return new Grant(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
  }

  private static String key(String ticket) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.US_ASCII));
      return KEY_PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
