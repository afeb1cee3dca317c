package ch.moveacces.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NewSigningKeyTest {

  /**
   * The format key files already in use were written in (and auth-service loads): one EC key, its
   * members in this order, each coordinate 32 bytes in base64url.
   */
  private static final Pattern JWK_SET =
      Pattern.compile(
          "\\{\"keys\":\\[\\{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\","
              + "\"kid\":\"(?<kid>[^\"]+)\",\"x\":\"(?<x>[A-Za-z0-9_-]{43})\","
              + "\"y\":\"(?<y>[A-Za-z0-9_-]{43})\",\"d\":\"(?<d>[A-Za-z0-9_-]{43})\"}]}");

  private static final Clock LATE_EVENING_IN_ZURICH =
      Clock.fixed(Instant.parse("2026-12-07T23:30:00Z"), ZoneId.of("Europe/Zurich"));

  @Test
  void writesOneEs256KeyInTheFormatOfTheKeyFilesInUse() {
    Matcher key = parse(NewSigningKey.jwkSet("moveacces", LATE_EVENING_IN_ZURICH));

    assertThat(key.group("kid")).matches("moveacces-2026-12-07-[0-9a-f]{8}");
  }

  @Test
  void itsPrivateAndPublicPartsMakeOnePair() throws GeneralSecurityException {
    Matcher key = parse(NewSigningKey.jwkSet("devstack"));
    ECParameterSpec p256 = p256();
    KeyFactory keys = KeyFactory.getInstance("EC");

    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.generatePrivate(new ECPrivateKeySpec(number(key.group("d")), p256)));
    signer.update("token".getBytes(StandardCharsets.UTF_8));
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(
        keys.generatePublic(
            new ECPublicKeySpec(
                new ECPoint(number(key.group("x")), number(key.group("y"))), p256)));
    verifier.update("token".getBytes(StandardCharsets.UTF_8));

    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void everyKeyIsNewAndHasAnIdOfItsOwn() {
    Matcher first = parse(NewSigningKey.jwkSet("devstack"));
    Matcher second = parse(NewSigningKey.jwkSet("devstack"));

    assertThat(second.group("kid")).isNotEqualTo(first.group("kid"));
    assertThat(second.group("d")).isNotEqualTo(first.group("d"));
  }

  @Test
  void refusesANameThatWouldNeedEscapingInJson() {
    assertThatThrownBy(() -> NewSigningKey.jwkSet("a\"b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewSigningKey.jwkSet("")).isInstanceOf(IllegalArgumentException.class);
  }

  /** The command deploy/README.md gives: the source file run by the JDK alone, no build. */
  @Test
  void printsAKeyWhenRunAsASourceFileByTheJdkAlone() throws IOException, InterruptedException {
    Path source =
        Path.of("src/main/java/ch/moveacces/platform/signing/NewSigningKey.java").toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process run =
        new ProcessBuilder(java.toString(), source.toString(), "production")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isZero();
    assertThat(printed).endsWith("\n");
    assertThat(parse(printed.strip()).group("kid")).startsWith("production-");
  }

  private static Matcher parse(String json) {
    Matcher matcher = JWK_SET.matcher(json);
    assertThat(matcher.matches()).as("a private JWK set with one ES256 key: %s", json).isTrue();
    return matcher;
  }

  private static ECParameterSpec p256() throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }

  private static BigInteger number(String base64Url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
  }
}
