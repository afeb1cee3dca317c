package ch.moveacces.gateway.body;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The largest request body the gateway passes on; every API body is a small JSON document. */
@Validated
@ConfigurationProperties(BodyLimitProperties.PREFIX)
public record BodyLimitProperties(@NotNull DataSize maxRequestBody) {

  public static final String PREFIX = "moveacces.gateway";
}
