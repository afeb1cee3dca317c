package ch.moveacces.platform.defaults.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The document's first screen: title, version, description, the gateway as the one server (so that
 * "Try it out" goes where clients go), the bearer scheme behind "Authorize", and the shared problem
 * responses the operations refer to.
 */
final class ApiOverview implements OpenApiCustomizer {

  static final String GATEWAY =
      "The gateway, the only entry point for clients: it checks tokens and rate limits.";

  private final String title;
  private final String description;
  private final String version;
  private final String serverUrl;

  ApiOverview(String title, String description, String version, String serverUrl) {
    this.title = title;
    this.description = description;
    this.version = version;
    this.serverUrl = serverUrl;
  }

  @Override
  public void customise(OpenAPI api) {
    api.info(new Info().title(title).description(description).version(version));
    api.servers(new ArrayList<>(List.of(new Server().url(serverUrl).description(GATEWAY))));
    Components components = api.getComponents();
    if (components == null) {
      components = new Components();
      api.components(components);
    }
    components.addSecuritySchemes(ApiSecurity.BEARER, bearerScheme());
    ProblemComponents.addTo(components, referencedResponses(api));
  }

  private static SecurityScheme bearerScheme() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("JWT")
        .description(
            "An access token from POST /auth/login or POST /auth/refresh (auth-service), valid"
                + " for 15 minutes.");
  }

  /** The shared responses the operations refer to, by name. */
  private static Set<String> referencedResponses(OpenAPI api) {
    if (api.getPaths() == null) {
      return Set.of();
    }
    return api.getPaths().values().stream()
        .flatMap(path -> path.readOperations().stream())
        .filter(operation -> operation.getResponses() != null)
        .flatMap(operation -> operation.getResponses().values().stream())
        .map(ApiResponse::get$ref)
        .filter(Objects::nonNull)
        .map(ref -> ref.substring(ref.lastIndexOf('/') + 1))
        .collect(Collectors.toSet());
  }
}
