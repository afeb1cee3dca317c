package ch.moveacces.gateway.clientip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.defaults.client.ClientOrigins;
import ch.moveacces.platform.defaults.client.ClientProperties;
import ch.moveacces.platform.defaults.client.TrustedProxies;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class ClientIpGatewayFilterFactoryTest {

  @Test
  void byDefaultTrustsNoOneSoAClientCannotChooseTheAddressItsLimitsCount() throws IOException {
    ClientProperties defaults = gatewayConfiguration();
    assertThat(defaults.trustedProxies()).allMatch(String::isBlank);

    ServerWebExchange forwarded =
        filter(
            new ClientOrigins(TrustedProxies.of(defaults.trustedProxies())),
            from("127.0.0.1").header("X-Forwarded-For", "203.0.113.9").build());

    assertThat(ClientIpGatewayFilterFactory.clientIp(forwarded)).isEqualTo("127.0.0.1");
    assertThat(forwarded.getRequest().getHeaders().get("X-Forwarded-For"))
        .containsExactly("127.0.0.1");
  }

  @Test
  void behindCaddyTellsTheServiceTheOneAddressItResolved() {
    ServerWebExchange forwarded =
        filter(
            new ClientOrigins(TrustedProxies.of(List.of("127.0.0.1/32"))),
            from("127.0.0.1")
                .header("X-Forwarded-For", "6.6.6.6, 2001:DB8:0:0:0:0:0:7")
                .header("Forwarded", "for=192.0.2.1")
                .header("X-Real-IP", "192.0.2.2")
                .build());

    assertThat(ClientIpGatewayFilterFactory.clientIp(forwarded)).isEqualTo("2001:db8::7");
    ServerHttpRequest request = forwarded.getRequest();
    assertThat(request.getHeaders().get("X-Forwarded-For")).containsExactly("2001:db8::7");
    assertThat(request.getHeaders().get("Forwarded")).isNull();
    assertThat(request.getHeaders().get("X-Real-IP")).isNull();
  }

  @Test
  void withoutAPeerAddressForwardsNoneAndCountsUnknown() {
    ServerWebExchange forwarded =
        filter(
            new ClientOrigins(TrustedProxies.none()),
            MockServerHttpRequest.get("/").header("X-Forwarded-For", "203.0.113.9").build());

    assertThat(ClientIpGatewayFilterFactory.clientIp(forwarded)).isEqualTo("unknown");
    assertThat(forwarded.getRequest().getHeaders().get("X-Forwarded-For")).isNull();
  }

  private static ServerWebExchange filter(ClientOrigins origins, MockServerHttpRequest request) {
    AtomicReference<ServerWebExchange> passedOn = new AtomicReference<>();
    new ClientIpGatewayFilterFactory(origins)
        .apply(new Object())
        .filter(
            MockServerWebExchange.from(request),
            exchange -> {
              passedOn.set(exchange);
              return Mono.empty();
            })
        .block();
    return passedOn.get();
  }

  private static MockServerHttpRequest.BaseBuilder<?> from(String peer) {
    return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000));
  }

  /** {@code moveacces.client.*} as the gateway's application.yml sets it, without the variable. */
  private static ClientProperties gatewayConfiguration() throws IOException {
    List<PropertySource<?>> yaml =
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"));
    return new Binder(
            ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(yaml))
        .bindOrCreate("moveacces.client", ClientProperties.class);
  }
}
