package ch.moveacces.testkit;

/** Where the test Redis listens. */
public record RedisEndpoint(String host, int port) {}
