package ch.moveacces.platform.defaults.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service with one operation of each kind the document's defaults tell apart. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DocumentedService.Greetings.class, DocumentedService.Reports.class})
class DocumentedService {

  record Greeting(String name) {}

  @RestController
  @Tag(name = "Greetings")
  static class Greetings {

    @GetMapping("/greetings/public")
    @Operation(summary = "A greeting for anyone")
    @SecurityRequirements
    Greeting anyone() {
      return new Greeting("anyone");
    }

    @GetMapping("/greetings/mine")
    @Operation(summary = "A greeting for the caller")
    Greeting mine(@RequestParam(required = false) @Nullable String language) {
      return new Greeting("me");
    }

    @PostMapping("/greetings")
    @Operation(summary = "Leave a greeting")
    @ProblemResponse(status = 401, description = "Only members leave greetings")
    @ProblemResponse(status = 409, description = "Said already")
    Greeting leave(@RequestBody Greeting greeting) {
      return greeting;
    }
  }

  @RestController
  @Tag(name = "Reports")
  @SecurityRequirement(name = ApiSecurity.BEARER, scopes = "AUDITOR")
  static class Reports {

    @GetMapping("/reports")
    @Operation(summary = "The reports, for auditors")
    Greeting reports() {
      return new Greeting("report");
    }
  }
}
