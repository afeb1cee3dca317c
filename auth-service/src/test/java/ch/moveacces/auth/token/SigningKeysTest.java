package ch.moveacces.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
