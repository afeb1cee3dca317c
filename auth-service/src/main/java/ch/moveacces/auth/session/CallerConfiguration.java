package ch.moveacces.auth.session;

import ch.moveacces.auth.token.AccessTokens;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebFluxConfigurer {

  private final AccessTokens tokens;
  private final Sessions sessions;

  CallerConfiguration(AccessTokens tokens, Sessions sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(new CallerResolver(tokens, sessions));
  }
}
