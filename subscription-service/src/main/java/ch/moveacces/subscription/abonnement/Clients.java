package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.events.Client;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/** The {@link Client} of a request, as the platform reads it (behind the gateway). */
@Component
public class Clients {

  private final ClientOrigins origins;

  Clients(ClientOrigins origins) {
    this.origins = origins;
  }

  public Client of(ServerHttpRequest request) {
    return origins.of(request);
  }
}
