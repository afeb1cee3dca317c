package ch.moveacces.audit.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One recorded event as auditors see it; absent values are {@code null}, never left out. The
 * personal fields (subject, user, actor id, client, data) of an erased event are {@code null}.
 */
record AuditEventView(
    @JsonProperty("event_id") UUID eventId,
    @Schema(example = "ch.moveacces.identity.login-succeeded.v1") String type,
    @Schema(example = "/auth-service") String source,
    @Schema(
            description =
                "the user id, or email-sha256:<hex> for an unknown email; null once erased")
        @Nullable String subject,
    @JsonProperty("user_id") @Nullable Long userId,
    @JsonProperty("occurred_at") Instant occurredAt,
    @JsonProperty("recorded_at") Instant recordedAt,
    @JsonProperty("trace_id") @Nullable String traceId,
    @JsonProperty("client_ip") @Nullable String clientIp,
    @JsonProperty("user_agent") @Nullable String userAgent,
    @Schema(
            description =
                "who acted: user (actor_id, actor_role) or system; null when the event names"
                    + " nobody (a failed sign-in, an event recorded before actors)",
            example = "user")
        @Nullable String actor,
    @JsonProperty("actor_id")
        @Schema(description = "the id of the user who acted; null once erased")
        @Nullable Long actorId,
    @JsonProperty("actor_role") @Schema(example = "admin") @Nullable String actorRole,
    @JsonProperty("schema_valid")
        @Schema(
            description =
                "false: recorded although it breaks its type's schema (or its type is unknown)")
        boolean schemaValid,
    @Schema(
            description =
                "true: its personal data was erased; what proves the trail (type, times, actor"
                    + " kind, chain) stays")
        boolean erased,
    @Schema(
            description =
                "the hash chain it is a link of (<topic>-<partition>); null when recorded before"
                    + " chaining",
            example = "identity.events.v1-0")
        @Nullable String chain,
    @Schema(description = "its place in its chain, from 1") @Nullable Long seq,
    @Schema(description = "the event's data object as received; null once erased", nullable = true)
        @Nullable JsonNode data) {}
