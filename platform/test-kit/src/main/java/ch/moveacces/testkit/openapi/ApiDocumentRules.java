package ch.moveacces.testkit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a new reader of a service's document needs, as rules: the document says what it is (title,
 * version, description) and that it is reached through the gateway, offers the bearer scheme that
 * Swagger UI's "Authorize" uses; every operation has a summary and a tag that is described (not
 * springdoc's {@code *-controller} default), and lists the problem answers it may give:
 *
 * <ul>
 *   <li>401 when it needs a token, 403 when it needs a role (a scope of its requirement);
 *   <li>400 and 422 when it reads a body, 422 when it takes query parameters;
 *   <li>429 and 503 always (the gateway's rate limits and its answer for a service away);
 *   <li>every 4xx and 5xx answer as {@code application/problem+json}.
 * </ul>
 */
public final class ApiDocumentRules {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final String GENERATED_SERVER = "Generated server url";

  private ApiDocumentRules() {}

  /** Each rule the document breaks, one line each, naming the operation; none when it keeps all. */
  public static List<String> check(OpenAPI api) {
    List<String> violations = new ArrayList<>();
    checkOverview(api, violations);
    Set<String> describedTags = describedTags(api);
    Map<String, PathItem> paths = api.getPaths() == null ? Map.of() : api.getPaths();
    if (paths.isEmpty()) {
      violations.add("the document has no operation");
    }
    paths.forEach(
        (path, item) ->
            item.readOperationsMap()
                .forEach(
                    (method, operation) ->
                        checkOperation(
                            api, method + " " + path, operation, describedTags, violations)));
    return violations;
  }

  private static void checkOverview(OpenAPI api, List<String> violations) {
    Info info = api.getInfo();
    if (info == null
        || blank(info.getTitle())
        || info.getTitle().startsWith("OpenAPI definition")) {
      violations.add("the document has no title of its own");
    }
    if (info == null || blank(info.getVersion()) || "v0".equals(info.getVersion())) {
      violations.add("the document has no version of its own");
    }
    if (info == null || blank(info.getDescription())) {
      violations.add("the document has no description");
    }
    List<Server> servers = api.getServers() == null ? List.of() : api.getServers();
    if (servers.isEmpty()
        || servers.stream()
            .anyMatch(
                server ->
                    blank(server.getUrl()) || GENERATED_SERVER.equals(server.getDescription()))) {
      violations.add("the document names no server of its own (the gateway), only springdoc's");
    }
    if (bearerSchemes(api).isEmpty()) {
      violations.add("the document offers no bearer security scheme");
    }
  }

  private static void checkOperation(
      OpenAPI api,
      String name,
      Operation operation,
      Set<String> describedTags,
      List<String> violations) {
    if (blank(operation.getSummary())) {
      violations.add(name + " has no summary");
    }
    List<String> tags = operation.getTags() == null ? List.of() : operation.getTags();
    if (tags.isEmpty()) {
      violations.add(name + " has no tag");
    }
    for (String tag : tags) {
      if (tag.endsWith("-controller")) {
        violations.add(name + " has springdoc's default tag " + tag + ", not one a reader knows");
      } else if (!describedTags.contains(tag)) {
        violations.add(name + " has the tag " + tag + ", which the document does not describe");
      }
    }
    Map<String, ApiResponse> responses =
        operation.getResponses() == null ? Map.of() : operation.getResponses();
    List<SecurityRequirement> security =
        operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
    boolean needsToken = security != null && !security.isEmpty();
    boolean needsRole =
        needsToken
            && security.stream()
                .flatMap(requirement -> requirement.values().stream())
                .anyMatch(scopes -> !scopes.isEmpty());
    boolean readsBody = operation.getRequestBody() != null;
    boolean takesQuery =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(parameter -> "query".equals(parameter.getIn()));
    Set<String> expected = new TreeSet<>(Set.of("429", "503"));
    if (needsToken) {
      expected.add("401");
    }
    if (needsRole) {
      expected.add("403");
    }
    if (readsBody) {
      expected.addAll(Set.of("400", "422"));
    }
    if (takesQuery) {
      expected.add("422");
    }
    Set<String> missing =
        expected.stream()
            .filter(status -> !responses.containsKey(status))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!missing.isEmpty()) {
      violations.add(name + " lacks its problem responses " + String.join(", ", missing));
    }
    responses.forEach(
        (status, response) -> {
          if ((status.startsWith("4") || status.startsWith("5"))
              && !isProblem(resolve(api.getComponents(), response))) {
            violations.add(name + " answers " + status + " with no " + PROBLEM_JSON + " content");
          }
        });
  }

  private static Set<String> describedTags(OpenAPI api) {
    List<Tag> tags = api.getTags() == null ? List.of() : api.getTags();
    return tags.stream()
        .filter(tag -> !blank(tag.getDescription()))
        .map(Tag::getName)
        .collect(Collectors.toSet());
  }

  private static List<SecurityScheme> bearerSchemes(OpenAPI api) {
    Components components = api.getComponents();
    if (components == null || components.getSecuritySchemes() == null) {
      return List.of();
    }
    return components.getSecuritySchemes().values().stream()
        .filter(scheme -> scheme.getType() == SecurityScheme.Type.HTTP)
        .filter(scheme -> "bearer".equalsIgnoreCase(scheme.getScheme()))
        .toList();
  }

  private static ApiResponse resolve(Components components, ApiResponse response) {
    String ref = response.get$ref();
    if (ref == null || components == null || components.getResponses() == null) {
      return response;
    }
    ApiResponse shared = components.getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    return shared == null ? response : shared;
  }

  private static boolean isProblem(ApiResponse response) {
    return response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
