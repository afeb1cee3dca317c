package ch.moveacces.platform.events;

import java.io.Serial;
import java.util.List;

/** An event that does not match its type's schema. */
public final class EventSchemaViolation extends IllegalArgumentException {

  @Serial private static final long serialVersionUID = 1L;

  private final transient List<String> violations;

  public EventSchemaViolation(List<String> violations) {
    super("Event does not match its schema: " + String.join("; ", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
