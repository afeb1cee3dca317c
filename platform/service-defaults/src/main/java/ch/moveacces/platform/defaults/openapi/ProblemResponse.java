package ch.moveacces.platform.defaults.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an operation answers besides the shared ones of {@link StandardResponses}: its status
 * and a description naming its type, e.g. {@code status = 404, description = "No such abonnement
 * (type abonnement-not-found)."}. Its body is {@code application/problem+json}. Unlike springdoc's
 * {@code ApiResponse} annotation, it leaves the success answer as springdoc derives it from the
 * method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

  /** The status, 4xx or 5xx. */
  int status();

  /** When and why, naming the problem's type. */
  String description();

  /** Several problems of one operation. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    ProblemResponse[] value();
  }
}
