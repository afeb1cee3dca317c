package ch.moveacces.profile.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a merge patch of a profile may hold, for the OpenAPI document only: the patch itself is read
 * as JSON so that an absent field and a {@code null} one stay apart.
 */
@Schema(
    description =
        "JSON merge patch (RFC 7396): a field with a value sets it, with null removes it (not nom"
            + " nor prenom), an absent field is left as it is. email and user_id cannot be changed"
            + " (422); other fields are unknown (400).")
record ProfileChanges(
    @Schema(maxLength = 100) @Nullable String nom,
    @Schema(maxLength = 100) @Nullable String prenom,
    @JsonProperty("date_naissance") @Schema(description = "a past date, from 1900-01-01")
        @Nullable LocalDate dateNaissance,
    @Schema(maxLength = 255) @Nullable String rue,
    @Schema(pattern = "^[0-9]{4}$") @Nullable String npa,
    @Schema(maxLength = 100) @Nullable String localite,
    @Schema(description = "any valid number; Swiss when it has no country code; stored in E.164")
        @Nullable String tel) {}
