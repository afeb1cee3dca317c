package ch.moveacces.platform.token;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A service protected by the default chain, with one public path and one auditors' path. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TinyResourceService.Endpoints.class)
public class TinyResourceService {

  @Bean
  PublicPaths pingIsPublic() {
    return PublicPaths.of("/ping");
  }

  @Bean
  AuthorizationRules auditorsOnly() {
    return rules -> rules.pathMatchers("/audit/**").hasRole("AUDITOR");
  }

  @RestController
  static class Endpoints {

    @GetMapping("/whoami")
    Mono<AuthenticatedUser> whoAmI() {
      return AuthenticatedUser.current();
    }

    @GetMapping("/ping")
    Map<String, String> ping() {
      return Map.of("pong", "yes");
    }

    @GetMapping("/status")
    Map<String, String> status() {
      return Map.of("status", "fine");
    }

    @GetMapping("/audit/trail")
    Map<String, String> trail() {
      return Map.of("trail", "empty");
    }
  }
}
