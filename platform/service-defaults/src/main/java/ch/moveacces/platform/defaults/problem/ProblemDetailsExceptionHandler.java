package ch.moveacces.platform.defaults.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Spring's problem details for errors raised around controllers (bad input, validation), completed
 * with the Move Acces type, instance and trace id. Replaces Boot's own handler of the same role.
 */
@ControllerAdvice
public class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

  private final Problems problems;

  public ProblemDetailsExceptionHandler(Problems problems) {
    this.problems = problems;
  }

  /** Spring's detail for an unknown path names static resources, an internal matter. */
  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(
      Exception error,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    Object safeBody =
        error instanceof NoResourceFoundException ? ProblemDetail.forStatus(status) : body;
    return super.handleExceptionInternal(error, safeBody, headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException error,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    return answer(error, problems.validationFailed(error.getBindingResult()), headers, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
      HandlerMethodValidationException error,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    return answer(error, problems.validationFailed(error), headers, exchange);
  }

  /** An unknown JSON field is named; other unreadable input keeps Spring's generic answer. */
  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException error,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    return problems
        .inputProblem(error)
        .map(problem -> answer(error, problem, headers, exchange))
        .orElseGet(() -> super.handleServerWebInputException(error, headers, status, exchange));
  }

  private Mono<ResponseEntity<Object>> answer(
      Exception error, ProblemDetail problem, HttpHeaders headers, ServerWebExchange exchange) {
    return handleExceptionInternal(
        error, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    Object completed =
        body instanceof ProblemDetail problem ? problems.decorate(problem, exchange) : body;
    return super.createResponseEntity(completed, headers, status, exchange);
  }
}
