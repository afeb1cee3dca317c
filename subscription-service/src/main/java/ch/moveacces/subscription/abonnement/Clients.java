package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.defaults.client.ClientOrigin;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** The {@link Client} of a request, as the platform reads it (behind the gateway and proxies). */
@Component
public class Clients {

  private final ClientOrigin origin;

  Clients(ClientOrigin origin) {
    this.origin = origin;
  }

  public Client of(ServerHttpRequest request) {
    return new Client(origin.ip(request), origin.userAgent(request));
  }
}
