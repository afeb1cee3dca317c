package ch.moveacces.subscription.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /admin/subscriptions}. Every field may be missing or wrong here; {@link
 * AbonnementRules} reports all faults at once. Dates are read as text so that an impossible date is
 * a field at fault (422), not an unreadable body (400).
 */
record AbonnementRequest(
    @JsonProperty("user_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Long userId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) @Nullable String name,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"pending", "active"})
        @Nullable String state,
    @JsonProperty("date_start")
        @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            format = "date",
            example = "2026-12-01")
        @Nullable String dateStart,
    @JsonProperty("date_stop")
        @Schema(
            description = "after date_start; none for an open-ended abonnement",
            format = "date")
        @Nullable String dateStop,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", example = "590.00")
        @Nullable BigDecimal price,
    @Schema(description = "percent, 0 to 100; 0 when absent", minimum = "0", maximum = "100")
        @Nullable BigDecimal discount,
    @Schema(description = "ISO 4217 code; CHF when absent", pattern = "^[A-Z]{3}$")
        @Nullable String currency,
    @JsonProperty("auto_renew") @Schema(description = "false when absent")
        @Nullable Boolean autoRenew) {}
