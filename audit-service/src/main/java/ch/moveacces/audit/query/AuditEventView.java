package ch.moveacces.audit.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One recorded event as auditors see it; absent values are {@code null}, never left out. */
record AuditEventView(
    @JsonProperty("event_id") UUID eventId,
    @Schema(example = "ch.moveacces.identity.login-succeeded.v1") String type,
    @Schema(example = "/auth-service") String source,
    @Schema(description = "the user id, or email-sha256:<hex> for an unknown email") String subject,
    @JsonProperty("user_id") @Nullable Long userId,
    @JsonProperty("occurred_at") Instant occurredAt,
    @JsonProperty("recorded_at") Instant recordedAt,
    @JsonProperty("trace_id") @Nullable String traceId,
    @JsonProperty("client_ip") @Nullable String clientIp,
    @JsonProperty("user_agent") @Nullable String userAgent,
    @Schema(description = "the event's data object, as its type's schema defines it")
        JsonNode data) {}
