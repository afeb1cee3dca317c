package ch.moveacces.platform.defaults.problem;

import ch.moveacces.platform.defaults.tracing.TraceIds;
import java.net.ConnectException;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.PropertyNamingStrategy;

/**
 * Turns any failure into the RFC 9457 problem a client may see: a stable type, a title, the status,
 * a detail only where it is meant for clients, the request path and the trace id. Nothing from
 * inside the server (stack traces, exception names, SQL) ever reaches the body.
 */
public class Problems {

  public static final String TRACE_ID = "traceId";

  private static final Logger log = LoggerFactory.getLogger(Problems.class);
  private static final URI BLANK = URI.create("about:blank");

  private final TraceIds traceIds;
  private final InputProblems input;

  public Problems(TraceIds traceIds) {
    this(traceIds, null);
  }

  /**
   * @param namingStrategy the JSON mapper's naming strategy, so that validation errors name fields
   *     as clients send them
   */
  public Problems(TraceIds traceIds, @Nullable PropertyNamingStrategy namingStrategy) {
    this.traceIds = traceIds;
    this.input = new InputProblems(new JsonFieldNames(namingStrategy));
  }

  /** The problem for a failure that no handler turned into a response. */
  public ProblemDetail of(Throwable error, ServerWebExchange exchange) {
    ProblemDetail problem = initialProblem(error);
    logServerError(problem, error, exchange);
    return decorate(problem, exchange);
  }

  /**
   * Completes a problem built elsewhere (a controller, Spring's own handlers): a Move Acces type
   * where it has none, the request path, the trace id, and no detail on server errors.
   */
  public ProblemDetail decorate(ProblemDetail problem, ServerWebExchange exchange) {
    HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
    if (problem.getType() == null || BLANK.equals(problem.getType())) {
      problem.setType(ProblemTypes.forStatus(status));
    }
    if (problem.getTitle() == null) {
      problem.setTitle(title(status));
    }
    if (status.is5xxServerError()) {
      problem.setDetail(GenericDetails.forServerError(status));
    } else if (problem.getDetail() == null || problem.getDetail().isBlank()) {
      problem.setDetail(GenericDetails.forClientError(status));
    }
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    }
    traceIds.of(exchange).ifPresent(traceId -> problem.setProperty(TRACE_ID, traceId));
    return problem;
  }

  /** A bean validation failure of a request body: 422 with the fields at fault. */
  ProblemDetail validationFailed(BindingResult result) {
    return input.validationFailed(result);
  }

  /** A bean validation failure of a handler's parameters: 422 with the parameters at fault. */
  ProblemDetail validationFailed(HandlerMethodValidationException failure) {
    return input.validationFailed(failure);
  }

  /** Bad input with a more precise answer than Spring's generic one, if there is one. */
  Optional<ProblemDetail> inputProblem(Throwable error) {
    if (error instanceof WebExchangeBindException invalid) {
      return Optional.of(validationFailed(invalid.getBindingResult()));
    }
    if (error instanceof HandlerMethodValidationException invalid) {
      return Optional.of(validationFailed(invalid));
    }
    if (error instanceof ServerWebInputException) {
      return InputProblems.unknownField(error).map(UnknownFieldException::getBody);
    }
    return Optional.empty();
  }

  private ProblemDetail initialProblem(Throwable error) {
    Optional<ProblemDetail> input = inputProblem(error);
    if (input.isPresent()) {
      return input.get();
    }
    if (error instanceof NoResourceFoundException notFound) {
      // Its detail names the static resources looked for, an internal matter.
      return ProblemDetail.forStatus(notFound.getStatusCode());
    }
    if (error instanceof ErrorResponse response) {
      return response.getBody();
    }
    if (responseStatus(error) instanceof ResponseStatus annotated) {
      ProblemDetail problem = ProblemDetail.forStatus(annotated.code());
      problem.setDetail(annotated.reason().isEmpty() ? null : annotated.reason());
      return problem;
    }
    if (error instanceof ConnectException) {
      // A service behind this one (a gateway route, an HTTP client call) refused the connection.
      return ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY);
    }
    return ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  private static @Nullable ResponseStatus responseStatus(Throwable error) {
    return AnnotatedElementUtils.findMergedAnnotation(error.getClass(), ResponseStatus.class);
  }

  private static String title(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known != null ? known.getReasonPhrase() : "Error " + status.value();
  }

  private void logServerError(ProblemDetail problem, Throwable error, ServerWebExchange exchange) {
    if (HttpStatusCode.valueOf(problem.getStatus()).is5xxServerError()) {
      traceIds.log(
          exchange,
          () ->
              log.error(
                  "{} {} failed with {}",
                  exchange.getRequest().getMethod(),
                  exchange.getRequest().getPath(),
                  problem.getStatus(),
                  error));
    } else if (log.isDebugEnabled()) {
      log.debug(
          "{} {} answered {}: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          problem.getStatus(),
          error.toString());
    }
  }
}
