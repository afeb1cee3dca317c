package ch.moveacces.realtime;

import ch.moveacces.platform.token.PublicPaths;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;

/**
 * {@code GET /ws}: open to every client in the security chain, because the socket authenticates
 * itself (ticket or token, see {@link SocketAuthentication}) and refuses with a close code a
 * browser can read, where an HTTP 401 before the upgrade would show only as a failed connection.
 */
@Configuration(proxyBeanMethods = false)
class SocketEndpoint {

  static final String PATH = "/ws";

  @Bean
  HandlerMapping socketMapping(PushSocketHandler handler) {
    return new SimpleUrlHandlerMapping(Map.of(PATH, handler), -1);
  }

  @Bean
  WebFluxConfigurer socketUpgrade(RealtimeProperties properties) {
    int maxFrame = Math.toIntExact(properties.maxClientMessage().toBytes());
    return new WebFluxConfigurer() {
      @Override
      public WebSocketService getWebSocketService() {
        return new HandshakeWebSocketService(new SocketUpgrade(maxFrame));
      }
    };
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

  @Bean
  PublicPaths socketAndApiDocumentArePublic() {
    return PublicPaths.of(PATH, "/v3/api-docs", "/v3/api-docs/**");
  }
}
