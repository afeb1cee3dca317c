package ch.moveacces.auth.token;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the signing keys come from: a private JWK set as JSON ({@code AUTH_SIGNING_KEYS}) or a file
 * holding one ({@code AUTH_SIGNING_KEYS_FILE}). Without either the service refuses to start, unless
 * {@code devEphemeralKey} allows a throw-away key for development.
 */
@ConfigurationProperties("moveacces.auth")
public record SigningKeyProperties(
    @Nullable String signingKeys, @Nullable String signingKeysFile, boolean devEphemeralKey) {}
