package ch.moveacces.platform.defaults.problem;

import org.springframework.http.HttpStatusCode;

/** Details that say what went wrong in a client's terms, where nothing more specific is safe. */
final class GenericDetails {

  private GenericDetails() {}

  static String forClientError(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "The request could not be understood.";
      case 401 -> "Authentication is required to access this resource.";
      case 403 -> "Access to this resource is not allowed.";
      case 404 -> "No resource exists at this path.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "No acceptable representation of this resource exists.";
      case 413 -> "The request body is too large.";
      case 415 -> "The request's content type is not supported.";
      case 429 -> "Too many requests; try again later.";
      default -> "The request could not be processed.";
    };
  }

  static String forServerError(HttpStatusCode status) {
    return switch (status.value()) {
      case 502, 504 -> "A service behind this one did not answer properly; try again later.";
      case 503 -> "The service is unavailable at the moment; try again later.";
      default -> "The server could not complete the request; it has been logged.";
    };
  }
}
