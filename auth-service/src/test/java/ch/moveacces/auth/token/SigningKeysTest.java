package ch.moveacces.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.signing.NewSigningKey;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  @Test
  void refusesToStartWithoutAKey() {
    assertThatThrownBy(() -> new SigningKeys(new SigningKeyProperties(null, " ", false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AUTH_SIGNING_KEYS");
  }

  @Test
  void generatesAThrowAwayKeyOnlyWhenAllowed() {
    SigningKeys keys = new SigningKeys(new SigningKeyProperties(null, null, true));
    assertThat(keys.publicKeys().getKeys()).hasSize(1);
  }

  @Test
  void signsWithTheFirstKeyAndPublishesAllWithoutTheirPrivateParts() {
    ECKey first = SigningKeys.generate();
    ECKey second = SigningKeys.generate();
    String json = new JWKSet(List.of(first, second)).toString(false);

    SigningKeys keys = new SigningKeys(new SigningKeyProperties(json, null, false));

    assertThat(keys.keyId()).isEqualTo(first.getKeyID());
    assertThat(keys.publicKeys().getKeys())
        .extracting(k -> k.getKeyID())
        .containsExactly(first.getKeyID(), second.getKeyID());
    assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
    assertThat(keys.publicKeys().toString()).doesNotContain("\"d\"");
  }

  @Test
  void readsTheKeysFromAFile(@TempDir Path dir) throws Exception {
    ECKey key = SigningKeys.generate();
    Path file = dir.resolve("keys.json");
    Files.writeString(file, new JWKSet(key).toString(false));

    SigningKeys keys = new SigningKeys(new SigningKeyProperties(null, file.toString(), false));

    assertThat(keys.keyId()).isEqualTo(key.getKeyID());
  }

  /** A key file as a deployment and the devstack write it loads, signs, and verifies. */
  @Test
  void signsWithAKeyFileMadeByTheSharedGenerator(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("auth-signing-keys.json");
    Files.writeString(file, NewSigningKey.jwkSet("moveacces") + "\n");

    SigningKeys keys = new SigningKeys(new SigningKeyProperties(null, file.toString(), false));
    JWSObject signed =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.keyId()).build(),
            new Payload("{\"sub\":\"42\"}"));
    signed.sign(keys.signer());

    assertThat(keys.keyId()).matches("moveacces-\\d{4}-\\d{2}-\\d{2}-[0-9a-f]{8}");
    ECKey published = (ECKey) keys.publicKeys().getKeyByKeyId(keys.keyId());
    assertThat(JWSObject.parse(signed.serialize()).verify(new ECDSAVerifier(published))).isTrue();
  }

  @Test
  void aThrowAwayKeyIsMadeByTheSharedGeneratorToo() {
    ECKey key = SigningKeys.generate();

    assertThat(key.isPrivate()).isTrue();
    assertThat(key.getKeyID()).startsWith("ephemeral-");
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
  }

  @Test
  void refusesKeysThatCannotSignEs256() throws Exception {
    String publicOnly = new JWKSet(SigningKeys.generate().toPublicJWK()).toString(false);
    String rsa = new JWKSet(new RSAKeyGenerator(2048).keyID("r").generate()).toString(false);

    assertThatThrownBy(() -> new SigningKeys(new SigningKeyProperties(publicOnly, null, false)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SigningKeys(new SigningKeyProperties(rsa, null, false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("\"d\"");
  }
}
