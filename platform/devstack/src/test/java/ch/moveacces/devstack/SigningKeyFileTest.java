package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

  @Test
  void writesOneEs256KeyReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = SigningKeyFile.ensure(dir);

    assertThat(file).isEqualTo(dir.resolve("auth-signing-keys.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String json = Files.readString(file);
    assertThat(json)
        .contains(
            "\"kty\":\"EC\"", "\"crv\":\"P-256\"", "\"alg\":\"ES256\"", "\"kid\":\"devstack-");
    assertThat(field(json, "x")).hasSize(43);
    assertThat(field(json, "y")).hasSize(43);
    assertThat(field(json, "d")).hasSize(43);
  }

  @Test
  void itsPrivateAndPublicPartsMakeOnePair(@TempDir Path dir) throws Exception {
    String json = Files.readString(SigningKeyFile.ensure(dir));
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
    KeyFactory keys = KeyFactory.getInstance("EC");
    PrivateKey privateKey =
        keys.generatePrivate(new ECPrivateKeySpec(number(field(json, "d")), p256));
    PublicKey publicKey =
        keys.generatePublic(
            new ECPublicKeySpec(
                new ECPoint(number(field(json, "x")), number(field(json, "y"))), p256));

    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update("token".getBytes(StandardCharsets.UTF_8));
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update("token".getBytes(StandardCharsets.UTF_8));
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void keepsTheKeyAcrossRuns(@TempDir Path dir) throws Exception {
    String first = Files.readString(SigningKeyFile.ensure(dir));

    assertThat(Files.readString(SigningKeyFile.ensure(dir))).isEqualTo(first);
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as(name).isTrue();
    return matcher.group(1);
  }

  private static BigInteger number(String base64Url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
  }
}
