package ch.moveacces.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.platform.token.testing.AccessTokens;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointKeysTest {

  @Test
  void signsWithAPrivateJwkOrASetOfOneAsMakeSigningKeyPrintsIt() {
    ECKey key = AccessTokens.newKey("audit-2026-12-08-1a2b3c4d");
    byte[] statement = SignedStatements.erasedRows(List.of("an-event"));

    CheckpointSigner alone = CheckpointSigner.parse(key.toJSONString());
    CheckpointSigner inASet = CheckpointSigner.parse(new JWKSet(key).toString(false));

    assertThat(alone.keyId()).isEqualTo("audit-2026-12-08-1a2b3c4d");
    assertThat(inASet.keyId()).isEqualTo(alone.keyId());
    assertThat(alone.publicKeys().verifies(alone.keyId(), statement, inASet.sign(statement)))
        .isTrue();
  }

  @Test
  void refusesAPublicKeyToSignWith() {
    String publicOnly = AccessTokens.newKey("public").toPublicJWK().toJSONString();

    assertThatThrownBy(() -> CheckpointSigner.parse(publicOnly))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void servesTheSigningKeyFirstThenThePreviousOnesWithoutPrivateParts() {
    CheckpointSigner current = CheckpointSigner.parse(AccessTokens.newKey("new").toJSONString());
    ECKey old = AccessTokens.newKey("old");
    CheckpointKeys keys =
        current.publicKeys().and(CheckpointKeys.parse(new JWKSet(old).toString(false)));

    List<JWK> served = keys.publicJwkSet().getKeys();

    assertThat(served).extracting(JWK::getKeyID).containsExactly("new", "old");
    assertThat(served).noneMatch(JWK::isPrivate);
  }

  @Test
  void verifiesWhatAPreviousKeySignedByItsKeyId() {
    CheckpointSigner old = CheckpointSigner.parse(AccessTokens.newKey("old").toJSONString());
    CheckpointSigner current = CheckpointSigner.parse(AccessTokens.newKey("new").toJSONString());
    byte[] statement = SignedStatements.erasedRows(List.of("an-event"));
    byte[] signedByOld = old.sign(statement);

    assertThat(current.publicKeys().verifies("old", statement, signedByOld)).isFalse();
    assertThat(current.publicKeys().and(old.publicKeys()).verifies("old", statement, signedByOld))
        .isTrue();
    assertThat(current.publicKeys().and(old.publicKeys()).verifies("new", statement, signedByOld))
        .isFalse();
  }
}
