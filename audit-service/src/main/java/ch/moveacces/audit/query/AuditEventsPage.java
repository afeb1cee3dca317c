package ch.moveacces.audit.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of the trail, newest first; {@code next_cursor} is null on the last page. */
record AuditEventsPage(
    List<AuditEventView> items,
    @JsonProperty("next_cursor")
        @Schema(description = "pass as cursor for the next (older) page; null when none")
        @Nullable String nextCursor) {}
