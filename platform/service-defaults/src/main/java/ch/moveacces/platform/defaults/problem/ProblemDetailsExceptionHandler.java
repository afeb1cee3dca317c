package ch.moveacces.platform.defaults.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
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
