package ch.moveacces.auth.problem;

/** A request field at fault, by its JSON name, and what is wrong with it. */
public record FieldError(String field, String message) {}
