package ch.moveacces.gateway.ratelimit;

import ch.moveacces.gateway.ratelimit.RateLimitProperties.Limit;

/**
 * A named limit and whose requests it counts ({@code key}: an address, a hashed email, a user id).
 * {@code failClosed}: when Redis cannot count, refuse (503) rather than let the request pass.
 */
record Policy(String name, Limit limit, String key, boolean failClosed) {

  String redisKey() {
    return "gateway:rate:" + name + ":" + key;
  }

  /** {@code "login-ip";q=5;w=60}, an item of the {@code RateLimit-Policy} field. */
  String policyItem() {
    return "\"%s\";q=%d;w=%d".formatted(name, limit.requests(), limit.window().toSeconds());
  }

  /** {@code "login-ip";r=0;t=37}, an item of the {@code RateLimit} field. */
  String stateItem(Verdict verdict) {
    return "\"%s\";r=%d;t=%d".formatted(name, verdict.remaining(), verdict.resetSeconds());
  }
}
