package ch.moveacces.realtime;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Takes {@code ticket} and {@code token} out of a {@code /ws} URL before anything sees the request
 * ({@link SocketUpgrades} calls it first): WebFlux logs URLs with their query (at DEBUG). They
 * travel on in headers of the request's own, which logs mask, and which a client's headers of the
 * same names never fill (they are removed first).
 */
final class CredentialsOffTheUrl {

  static final String TICKET_HEADER = "X-Realtime-Ticket";
  static final String TOKEN_HEADER = "X-Realtime-Token";
  private static final List<String> PARAMETERS = List.of("ticket", "token");

  private CredentialsOffTheUrl() {}

  static ServerHttpRequest withoutCredentials(ServerHttpRequest request) {
    MultiValueMap<String, String> query = request.getQueryParams();
    boolean inQuery =
        SocketEndpoint.PATH.equals(request.getURI().getRawPath())
            && PARAMETERS.stream().anyMatch(query::containsKey);
    if (!inQuery && !hasHeaders(request)) {
      return request;
    }
    ServerHttpRequest.Builder builder =
        request
            .mutate()
            .headers(
                headers -> {
                  headers.remove(TICKET_HEADER);
                  headers.remove(TOKEN_HEADER);
                  if (inQuery) {
                    copy(query.get("ticket"), TICKET_HEADER, headers);
                    copy(query.get("token"), TOKEN_HEADER, headers);
                  }
                });
    if (inQuery) {
      URI stripped =
          UriComponentsBuilder.fromUri(request.getURI())
              .replaceQueryParam("ticket")
              .replaceQueryParam("token")
              .build(true)
              .toUri();
      builder.uri(stripped);
    }
    return builder.build();
  }

  private static boolean hasHeaders(ServerHttpRequest request) {
    return request.getHeaders().containsHeader(TICKET_HEADER)
        || request.getHeaders().containsHeader(TOKEN_HEADER);
  }

  private static void copy(@Nullable List<String> values, String header, HttpHeaders headers) {
    if (values != null) {
      values.forEach(value -> headers.add(header, value == null ? "" : value));
    }
  }
}
