package ch.moveacces.platform.defaults.problem;

import java.util.List;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every failure that reached no other handler (unknown path, wrong method or media type,
 * anything thrown) with {@code application/problem+json}, in place of Boot's default error page.
 */
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

  private final Problems problems;
  private final ServerResponse.Context context;

  public ProblemErrorWebExceptionHandler(Problems problems, ServerCodecConfigurer codecs) {
    this.problems = problems;
    this.context = new WritersOnly(codecs.getWriters());
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    ProblemDetail problem = problems.of(error, exchange);
    return ServerResponse.status(HttpStatusCode.valueOf(problem.getStatus()))
        .headers(headers -> copyProtocolHeaders(error, headers))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(BodyInserters.fromValue(problem))
        .flatMap(response -> response.writeTo(exchange, context));
  }

  /** Allow on 405, Accept on 415 and the like, which clients need to correct the request. */
  private static void copyProtocolHeaders(Throwable error, HttpHeaders headers) {
    if (error instanceof ErrorResponse response) {
      headers.addAll(response.getHeaders());
    }
  }

  private record WritersOnly(List<HttpMessageWriter<?>> messageWriters)
      implements ServerResponse.Context {

    @Override
    public List<ViewResolver> viewResolvers() {
      return List.of();
    }
  }
}
