package ch.moveacces.testkit;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Clients of an application under test that differ from Spring's default one. */
public final class WebTestClients {

  /** 4 MiB: the Prometheus page outgrows the default 256 KiB once every route has its metrics. */
  public static final int LARGE_BODY_BYTES = 4 * 1024 * 1024;

  private WebTestClients() {}

  /** This client, reading response bodies of up to {@link #LARGE_BODY_BYTES}. */
  public static WebTestClient withLargeBodies(WebTestClient client) {
    return client
        .mutate()
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(LARGE_BODY_BYTES))
        .build();
  }

  /** A client of a server on this machine (a management port, say), reading large bodies. */
  public static WebTestClient withLargeBodies(int localPort) {
    return withLargeBodies(
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + localPort).build());
  }
}
