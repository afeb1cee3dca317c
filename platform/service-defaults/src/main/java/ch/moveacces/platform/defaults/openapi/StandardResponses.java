package ch.moveacces.platform.defaults.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Each operation's access and problem responses. An operation needs an access token unless it is
 * marked public ({@link ApiSecurity}), as the services' security does (every path needs a token but
 * the public ones). Then the answers it may give besides its own:
 *
 * <ul>
 *   <li>401 when it needs a token, 403 when it needs a role (a scope of its bearer requirement,
 *       e.g. {@code @SecurityRequirement(name = "bearer", scopes = "AUDITOR")});
 *   <li>400 and 422 when it reads a body, 422 when it takes query parameters;
 *   <li>429 and 503 always: the gateway, its server, limits every route and answers 503 for a
 *       service that is down or too slow.
 * </ul>
 *
 * An operation names its own problems with {@link ProblemResponse}; one of those, or an answer
 * documented otherwise, keeps its description. Every 4xx and 5xx answer is {@code
 * application/problem+json}, as the platform's error handling writes them.
 */
final class StandardResponses implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    if (operation.getSecurity() == null) {
      operation.setSecurity(
          new ArrayList<>(List.of(new SecurityRequirement().addList(ApiSecurity.BEARER))));
    }
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    for (ProblemResponse problem :
        AnnotatedElementUtils.findMergedRepeatableAnnotations(
            handlerMethod.getMethod(), ProblemResponse.class)) {
      responses.addApiResponse(
          String.valueOf(problem.status()), new ApiResponse().description(problem.description()));
    }
    if (!operation.getSecurity().isEmpty()) {
      add(responses, "401", ProblemComponents.UNAUTHORIZED);
    }
    if (needsARole(operation.getSecurity())) {
      add(responses, "403", ProblemComponents.FORBIDDEN);
    }
    if (operation.getRequestBody() != null) {
      add(responses, "400", ProblemComponents.BAD_REQUEST);
      add(responses, "422", ProblemComponents.VALIDATION_FAILED);
    }
    if (takesQueryParameters(operation)) {
      add(responses, "422", ProblemComponents.VALIDATION_FAILED);
    }
    add(responses, "429", ProblemComponents.TOO_MANY_REQUESTS);
    add(responses, "503", ProblemComponents.SERVICE_UNAVAILABLE);
    responses.forEach(
        (status, response) -> {
          if (response.get$ref() == null && (status.startsWith("4") || status.startsWith("5"))) {
            response.setContent(ProblemComponents.problemContent());
          }
        });
    return operation;
  }

  private static boolean needsARole(List<SecurityRequirement> security) {
    return security.stream()
        .flatMap(requirement -> requirement.values().stream())
        .anyMatch(scopes -> !scopes.isEmpty());
  }

  private static boolean takesQueryParameters(Operation operation) {
    List<Parameter> parameters = operation.getParameters();
    return parameters != null
        && parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
  }

  private static void add(ApiResponses responses, String status, String component) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(status, new ApiResponse().$ref(component));
    }
  }
}
