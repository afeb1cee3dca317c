package ch.moveacces.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens as auth-service signs them (ES256, ADR 0005 claims), with a JWK-set server
 * publishing the public key, and the forgeries an attacker would try.
 */
final class TestTokens implements AutoCloseable {

  static final String ISSUER = "moveacces-auth";
  static final String AUDIENCE = "moveacces-api";

  private final ECKey key;
  private final ECKey strangerKey;
  private final HttpServer jwks;

  private TestTokens(ECKey key, ECKey strangerKey, HttpServer jwks) {
    this.key = key;
    this.strangerKey = strangerKey;
    this.jwks = jwks;
  }

  static TestTokens start() {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID("signing-key").generate();
      ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("unknown-key").generate();
      byte[] body = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return new TestTokens(key, stranger, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String jwksUri() {
    return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
  }

  static JWTClaimsSet.Builder claims(String subject, String sessionId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .claim("email", subject + "@example.ch")
        .claim("roles", List.of("USER"))
        .claim("sid", sessionId)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
  }

  String valid(String subject, String sessionId) {
    return signed(claims(subject, sessionId).build());
  }

  String with(String subject, String sessionId, UnaryOperator<JWTClaimsSet.Builder> change) {
    return signed(change.apply(claims(subject, sessionId)).build());
  }

  String signed(JWTClaimsSet claims) {
    return sign(key, claims);
  }

  String signedByUnknownKey(JWTClaimsSet claims) {
    return sign(strangerKey, claims);
  }

  static String unsigned(JWTClaimsSet claims) {
    return new PlainJWT(claims).serialize();
  }

  /** The classic confusion attack: HMAC keyed with the public key the verifier trusts. */
  String hs256WithPublicKey(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new MACSigner(key.toECPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload was swapped for another after signing. */
  String tampered(String token, JWTClaimsSet forged) {
    String[] parts = token.split("\\.");
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + payload + "." + parts[2];
  }

  private static String sign(ECKey signingKey, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(),
              claims);
      jwt.sign(new ECDSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    jwks.stop(0);
  }
}
