package ch.moveacces.auth.session;

import ch.moveacces.platform.token.AccessTokenDecoder;
import ch.moveacces.platform.token.ActiveSessions;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebFluxConfigurer {

  private final AccessTokenDecoder tokens;
  private final ActiveSessions sessions;

  CallerConfiguration(AccessTokenDecoder tokens, ActiveSessions sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(new CallerResolver(tokens, sessions));
  }
}
