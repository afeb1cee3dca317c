package ch.moveacces.audit.query;

/** A row of the trail: its id orders rows recorded in the same microsecond. */
record RecordedEvent(long id, AuditEventView event) {

  PageCursor cursor() {
    return new PageCursor(event.occurredAt(), id);
  }
}
