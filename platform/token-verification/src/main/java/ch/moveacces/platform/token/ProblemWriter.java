package ch.moveacces.platform.token;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import ch.moveacces.platform.defaults.problem.Problems;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes the 401 and 403 problems of the security chain, with their WWW-Authenticate header. */
final class ProblemWriter {

  private final Problems problems;
  private final ServerResponse.Context context;

  ProblemWriter(Problems problems, ServerCodecConfigurer codecs) {
    this.problems = problems;
    this.context = new WritersOnly(codecs.getWriters());
  }

  Mono<Void> write(
      ServerWebExchange exchange,
      HttpStatus status,
      String type,
      String detail,
      String wwwAuthenticate) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemTypes.of(type));
    problem.setTitle(status.getReasonPhrase());
    return ServerResponse.status(status)
        .header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problems.decorate(problem, exchange))
        .flatMap(response -> response.writeTo(exchange, context));
  }

  private record WritersOnly(List<HttpMessageWriter<?>> messageWriters)
      implements ServerResponse.Context {

    @Override
    public List<ViewResolver> viewResolvers() {
      return List.of();
    }
  }
}
