package ch.moveacces.platform.defaults.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 9457 answers every operation may give, as shared components: the {@code ProblemDetail}
 * schema and one response per status, each {@code application/problem+json}.
 */
final class ProblemComponents {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM_SCHEMA = "ProblemDetail";

  static final String BAD_REQUEST = "BadRequest";
  static final String UNAUTHORIZED = "Unauthorized";
  static final String FORBIDDEN = "Forbidden";
  static final String VALIDATION_FAILED = "ValidationFailed";
  static final String TOO_MANY_REQUESTS = "TooManyRequests";
  static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

  private ProblemComponents() {}

  /**
   * The {@code ProblemDetail} schema, and of the shared responses those that the document's
   * operations refer to ({@code used}, by name), so that no response stands unused.
   */
  static void addTo(Components components, Set<String> used) {
    components.addSchemas(PROBLEM_SCHEMA, problemSchema());
    Map<String, ApiResponse> responses = new LinkedHashMap<>();
    responses.put(
        BAD_REQUEST,
        problem(
            "The request cannot be read: malformed JSON (type bad-request), or a field the"
                + " operation does not know (type unknown-field, named in errors)."));
    responses.put(
        UNAUTHORIZED,
        problem(
                "No valid access token: none was sent, or it is expired, forged, or of a session"
                    + " that has ended (type unauthorized).")
            .addHeaderObject("WWW-Authenticate", header("Bearer", new StringSchema())));
    responses.put(
        FORBIDDEN,
        problem(
            "The token is valid, but its user lacks the role this operation needs (type"
                + " forbidden)."));
    responses.put(
        VALIDATION_FAILED,
        problem(
            "The input breaks a rule: every field at fault is named in errors (type"
                + " validation-failed)."));
    responses.put(
        TOO_MANY_REQUESTS,
        problem("The gateway's rate limit for this caller is reached (type too-many-requests).")
            .addHeaderObject(
                "Retry-After", header("Seconds until a request may pass.", new IntegerSchema())));
    responses.put(
        SERVICE_UNAVAILABLE,
        problem(
                "The service is down, too slow or too busy to answer now (type"
                    + " service-unavailable); try again later.")
            .addHeaderObject(
                "Retry-After",
                header("Seconds to wait before trying again, when known.", new IntegerSchema())));
    responses.forEach(
        (name, response) -> {
          if (used.contains(name)) {
            components.addResponses(name, response);
          }
        });
  }

  /** A problem answer's body: {@code application/problem+json}, a {@code ProblemDetail}. */
  static Content problemContent() {
    Schema<?> problem = new Schema<>().$ref(PROBLEM_SCHEMA);
    return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(problemContent());
  }

  private static Header header(String description, Schema<?> schema) {
    return new Header().description(description).schema(schema);
  }

  private static Schema<?> problemSchema() {
    // Built step by step: addProperty returns the raw Schema type, which makes a chained
    // required(...) an unchecked call.
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty(
        "field",
        new StringSchema().description("as the client sent it: a JSON name or path (address.npa)"));
    fieldError.addProperty("message", new StringSchema());
    fieldError.setRequired(List.of("field", "message"));

    ObjectSchema problem = new ObjectSchema();
    problem.setDescription(
        "An RFC 9457 problem. Clients branch on type, a stable URI"
            + " (https://moveacces.ch/problems/<name>); title and detail are for people.");
    problem.addProperty("type", new StringSchema().format("uri"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema().format("uri-reference"));
    problem.addProperty(
        "traceId",
        new StringSchema()
            .description("the request's trace id, also in the X-Trace-Id response header"));
    problem.addProperty(
        "errors",
        new ArraySchema()
            .items(fieldError)
            .description("for validation-failed and unknown-field: each field at fault"));
    problem.setRequired(List.of("type", "title", "status"));
    return problem;
  }
}
