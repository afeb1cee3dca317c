package ch.moveacces.platform.defaults.problem;

/**
 * One field at fault in a request, named as the client sent it (a JSON property name such as {@code
 * date_naissance}, or a path such as {@code address.npa}).
 */
public record FieldError(String field, String message) {}
