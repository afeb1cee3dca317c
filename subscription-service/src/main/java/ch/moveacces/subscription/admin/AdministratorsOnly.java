package ch.moveacces.subscription.admin;

import ch.moveacces.platform.token.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code /admin/**} request needs the ADMIN role; any other valid token gets 403. */
@Configuration(proxyBeanMethods = false)
class AdministratorsOnly {

  @Bean
  AuthorizationRules adminPathsNeedTheAdminRole() {
    return rules -> rules.pathMatchers("/admin/**").hasRole("ADMIN");
  }
}
