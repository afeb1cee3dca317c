package ch.moveacces.platform.token;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 {@code forbidden} problem: a valid token whose roles do not allow the request. */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

  private final ProblemWriter writer;

  ProblemAccessDeniedHandler(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return writer.write(
        exchange,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "Access to this resource is not allowed.",
        "Bearer error=\"insufficient_scope\"");
  }
}
