package ch.moveacces.profile.me;

import static ch.moveacces.platform.token.testing.AccessTokens.newKey;
import static ch.moveacces.platform.token.testing.AccessTokens.tokenFor;
import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.platform.token.testing.JwkSetServer;
import ch.moveacces.testkit.ServiceIT;
import com.nimbusds.jose.jwk.ECKey;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET} and {@code PATCH /users/me}: the API as its README describes it. */
@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.PROFILE)
class MyProfileIT {

  private static final MediaType MERGE_PATCH =
      MediaType.parseMediaType("application/merge-patch+json");
  private static final ECKey KEY = newKey("profile-it-key");
  private static final JwkSetServer JWKS = JwkSetServer.start(KEY);

  @Autowired WebTestClient client;

  private long anna;
  private long ben;

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("moveacces.tokens.jwk-set-uri", () -> JWKS.uri().toString());
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @BeforeEach
  void twoMembers() {
    anna = Members.insert("Anna", "Muster");
    ben = Members.insert("Ben", "Beispiel");
  }

  @Test
  void readsTheCallersOwnProfileWithAnETag() {
    client
        .get()
        .uri("/users/me")
        .headers(as(anna))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueMatches(HttpHeaders.ETAG, "\"[A-Za-z0-9_-]+\"")
        .expectBody()
        .jsonPath("$.user_id")
        .isEqualTo(anna)
        .jsonPath("$.email")
        .value(email -> assertThat((String) email).startsWith("anna-"))
        .jsonPath("$.nom")
        .isEqualTo("Muster")
        .jsonPath("$.prenom")
        .isEqualTo("Anna")
        .jsonPath("$.date_naissance")
        .isEqualTo("1985-06-01")
        .jsonPath("$.rue")
        .isEqualTo("Rue de Lausanne 1")
        .jsonPath("$.npa")
        .isEqualTo("1201")
        .jsonPath("$.localite")
        .isEqualTo("Genève")
        .jsonPath("$.tel")
        .isEqualTo("+41221234567")
        .jsonPath("$.created_at")
        .value(at -> assertThat((String) at).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
        .jsonPath("$.updated_at")
        .isNotEmpty();
  }

  @Test
  void answersAnUnchangedProfileWithNotModified() {
    String etag = etagOf(anna);
    client
        .get()
        .uri("/users/me")
        .headers(as(anna))
        .header(HttpHeaders.IF_NONE_MATCH, etag)
        .exchange()
        .expectStatus()
        .isNotModified();
  }

  @Test
  void changesTheProfileAndStoresThePhoneNumberInE164() {
    String before = etagOf(anna);
    String after =
        patch(
                anna,
                """
                {"tel": "079 123 45 67", "npa": "1204", "localite": "  Genève  ",
                 "rue": "Rue du Marché 12", "date_naissance": "1990-04-12", "prenom": "Anne"}
                """)
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.tel")
            .isEqualTo("+41791234567")
            .jsonPath("$.localite")
            .isEqualTo("Genève")
            .jsonPath("$.prenom")
            .isEqualTo("Anne")
            .jsonPath("$.nom")
            .isEqualTo("Muster")
            .returnResult()
            .getResponseHeaders()
            .getETag();

    assertThat(after).isNotNull().isNotEqualTo(before);
    assertThat(Members.row(anna))
        .containsEntry("tel", "+41791234567")
        .containsEntry("npa", "1204")
        .containsEntry("localite", "Genève")
        .containsEntry("rue", "Rue du Marché 12")
        .containsEntry("date_naissance", "1990-04-12")
        .containsEntry("prenom", "Anne");
    assertThat(etagOf(anna)).isEqualTo(after);
  }

  @Test
  void removesOptionalFieldsGivenAsNull() {
    patch(anna, "{\"rue\": null, \"tel\": null, \"date_naissance\": null}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.rue")
        .isEmpty()
        .jsonPath("$.npa")
        .isEqualTo("1201");

    assertThat(Members.row(anna))
        .containsEntry("rue", null)
        .containsEntry("tel", null)
        .containsEntry("date_naissance", null)
        .containsEntry("npa", "1201");
  }

  @Test
  void acceptsPlainJsonAsAMergePatch() {
    client
        .patch()
        .uri("/users/me")
        .headers(as(anna))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"localite\": \"Lausanne\"}")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(Members.row(anna)).containsEntry("localite", "Lausanne");
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("nom", "null"),
        Arguments.of("prenom", "null"),
        Arguments.of("nom", "\"   \""),
        Arguments.of("nom", "\"" + "x".repeat(101) + "\""),
        Arguments.of("prenom", "42"),
        Arguments.of("rue", "\"" + "r".repeat(256) + "\""),
        Arguments.of("localite", "\"" + "l".repeat(101) + "\""),
        Arguments.of("localite", "\"Gen\\u0000ève\""),
        Arguments.of("npa", "\"120\""),
        Arguments.of("npa", "\"12045\""),
        Arguments.of("npa", "\"12a4\""),
        Arguments.of("npa", "1204"),
        Arguments.of("tel", "\"12\""),
        Arguments.of("tel", "\"not a phone\""),
        Arguments.of("date_naissance", "\"2999-01-01\""),
        Arguments.of("date_naissance", "\"1850-01-01\""),
        Arguments.of("date_naissance", "\"2001-02-30\""),
        Arguments.of("date_naissance", "\"12.04.1990\""),
        Arguments.of("email", "\"someone@else.ch\""),
        Arguments.of("user_id", "1"),
        Arguments.of("created_at", "\"2020-01-01T00:00:00Z\""));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("invalidValues")
  void refusesAnInvalidValueNamingItsField(String field, String json) {
    Map<String, String> before = Members.row(anna);

    patch(anna, "{\"localite\": \"Bern\", \"" + field + "\": " + json + "}")
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/validation-failed")
        .jsonPath("$.errors.length()")
        .isEqualTo(1)
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].message")
        .isNotEmpty();

    assertThat(Members.row(anna)).isEqualTo(before);
  }

  @Test
  void listsEveryFieldAtFaultAtOnce() {
    patch(anna, "{\"npa\": \"x\", \"tel\": \"1\", \"email\": \"a@b.ch\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(3);
  }

  @Test
  void honoursAMatchingIfMatchAndRefusesAStaleOne() {
    String current = etagOf(anna);
    patch(anna, "{\"localite\": \"Sion\"}").expectStatus().isOk();

    client
        .patch()
        .uri("/users/me")
        .headers(as(anna))
        .header(HttpHeaders.IF_MATCH, current)
        .contentType(MERGE_PATCH)
        .bodyValue("{\"localite\": \"Sierre\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(412)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/precondition-failed");
    assertThat(Members.row(anna)).containsEntry("localite", "Sion");

    client
        .patch()
        .uri("/users/me")
        .headers(as(anna))
        .header(HttpHeaders.IF_MATCH, etagOf(anna))
        .contentType(MERGE_PATCH)
        .bodyValue("{\"localite\": \"Sierre\"}")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(Members.row(anna)).containsEntry("localite", "Sierre");
  }

  @Test
  void refusesARequestWithoutTokenOrWithABadOne() {
    client
        .get()
        .uri("/users/me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unauthorized");
    client
        .patch()
        .uri("/users/me")
        .headers(
            headers ->
                headers.setBearerAuth(tokenFor(Long.toString(anna), newKey("profile-it-key"))))
        .contentType(MERGE_PATCH)
        .bodyValue("{\"nom\": \"Pirate\"}")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Members.row(anna)).containsEntry("nom", "Muster");
  }

  @Test
  void neverReadsNorChangesAnotherMembersRow() {
    Map<String, String> bensRow = Members.row(ben);

    client
        .get()
        .uri("/users/me?user_id=" + ben)
        .headers(as(anna))
        .header("X-User-Id", Long.toString(ben))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.user_id")
        .isEqualTo(anna);
    patch(anna, "{\"nom\": \"Changed\", \"user_id\": " + ben + "}").expectStatus().isEqualTo(422);
    patch(anna, "{\"nom\": \"Changed\"}").expectStatus().isOk();

    assertThat(Members.row(ben)).isEqualTo(bensRow);
    assertThat(Members.row(anna)).containsEntry("nom", "Changed");
  }

  @Test
  void storesInjectionStringsVerbatim() {
    long members = Members.count();
    String nom = "'; DROP TABLE users; --";
    String rue = "Robert'); DELETE FROM users WHERE ('1'='1";

    patch(
            anna,
            "{\"nom\": \""
                + nom
                + "\", \"rue\": \""
                + rue
                + "\", \"localite\": \"\\\\' OR 1=1 #\"}")
        .expectStatus()
        .isOk();

    assertThat(Members.row(anna))
        .containsEntry("nom", nom)
        .containsEntry("rue", rue)
        .containsEntry("localite", "\\' OR 1=1 #");
    assertThat(Members.count()).isEqualTo(members);
    assertThat(Members.row(ben)).containsEntry("nom", "Beispiel");
  }

  @Test
  void answersMalformedJsonWithABadRequestProblem() {
    patch(anna, "{\"nom\": ")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    patch(anna, "[\"nom\"]").expectStatus().isBadRequest();
  }

  @Test
  void answersAnotherMediaTypeWithUnsupportedMediaType() {
    client
        .patch()
        .uri("/users/me")
        .headers(as(anna))
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("nom=Pirate")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void refusesAnUnknownFieldNamingIt() {
    patch(anna, "{\"nom\": \"Muster\", \"is_admin\": true}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/unknown-field")
        .jsonPath("$.errors[0].field")
        .isEqualTo("is_admin");
  }

  @Test
  void answersAValidTokenWithoutProfileWithNotFound() {
    client
        .get()
        .uri("/users/me")
        .headers(headers -> headers.setBearerAuth(tokenFor("999999999", KEY)))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("https://moveacces.ch/problems/profile-not-found");
  }

  @Test
  void publishesItsOpenApiDocumentWithoutToken() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/users/me'].get")
        .exists()
        .jsonPath("$.paths['/users/me'].patch.requestBody.content['application/merge-patch+json']")
        .exists()
        // the request itself (read for the client's address) is no parameter of the API
        .jsonPath("$.paths['/users/me'].patch.parameters[*].name")
        .value(names -> assertThat(names).asInstanceOf(LIST).containsExactly("If-Match"))
        .jsonPath("$.components.schemas.ProfileView.properties.date_naissance")
        .exists()
        .jsonPath("$.components.schemas.ProfileView.properties.user_id")
        .exists();
  }

  private WebTestClient.ResponseSpec patch(long member, String json) {
    return client
        .patch()
        .uri("/users/me")
        .headers(as(member))
        .contentType(MERGE_PATCH)
        .bodyValue(json)
        .exchange();
  }

  private String etagOf(long member) {
    return client
        .get()
        .uri("/users/me")
        .headers(as(member))
        .exchange()
        .expectStatus()
        .isOk()
        .returnResult(String.class)
        .getResponseHeaders()
        .getETag();
  }

  private static java.util.function.Consumer<HttpHeaders> as(long member) {
    String token = tokenFor(Long.toString(member), KEY);
    return headers -> headers.setBearerAuth(token);
  }
}
