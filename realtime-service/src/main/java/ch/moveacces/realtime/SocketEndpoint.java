package ch.moveacces.realtime;

import ch.moveacces.platform.defaults.client.AppOrigins;
import ch.moveacces.platform.token.PublicPaths;
import io.micrometer.observation.ObservationPredicate;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * {@code GET /ws}: upgraded before WebFlux and its security chain ({@link SocketUpgrades}), because
 * the socket authenticates itself (ticket or token, see {@link SocketAuthentication}) and refuses
 * with a close code a browser can read, where an HTTP 401 before the upgrade would show only as a
 * failed connection. The WebFlux mapping is left for what is not an upgrade (refused there).
 */
@Configuration(proxyBeanMethods = false)
class SocketEndpoint {

  static final String PATH = "/ws";

  @Bean
  HandlerMapping socketMapping(PushSocketHandler handler) {
    return new SimpleUrlHandlerMapping(Map.of(PATH, handler), -1);
  }

  /** Upgrades sockets before WebFlux sees the request; see {@link SocketUpgrades}. */
  @Bean
  WebHttpHandlerBuilderCustomizer socketUpgrades(
      PushSocketHandler handler, AppOrigins appOrigins, RealtimeProperties properties) {
    int maxFrame = Math.toIntExact(properties.maxClientMessage().toBytes());
    SocketOrigins origins = new SocketOrigins(appOrigins);
    return builder ->
        builder.httpHandlerDecorator(next -> new SocketUpgrades(next, handler, origins, maxFrame));
  }

  /**
   * What Netty queues for one connection before it stops writing to it (then the socket's own send
   * buffer fills, and a full one closes it): bounded memory per slow client.
   */
  @Bean
  NettyServerCustomizer socketWriteBuffer(RealtimeProperties properties) {
    int high = Math.toIntExact(properties.socketWriteBuffer().toBytes());
    DataSize sendBuffer = properties.socketSendBuffer();
    return server -> {
      var configured =
          server.childOption(
              ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high));
      return sendBuffer == null
          ? configured
          : configured.childOption(ChannelOption.SO_SNDBUF, Math.toIntExact(sendBuffer.toBytes()));
    };
  }

  /**
   * No observation (metrics timer, trace span) for the upgrade request: it would stay open, with
   * its span, for as long as the socket lives, hours perhaps, on every idle socket.
   */
  @Bean
  ObservationPredicate noObservationOfSockets() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && PATH.equals(request.getCarrier().getPath().value()));
  }

  @Bean
  PublicPaths socketAndApiDocumentArePublic() {
    return PublicPaths.of(PATH, "/v3/api-docs", "/v3/api-docs/**");
  }
}
