package ch.moveacces.auth.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.auth.AuthClient;
import ch.moveacces.auth.AuthClient.Tokens;
import ch.moveacces.auth.RunningAuthService;
import ch.moveacces.platform.events.EventEnvelope;
import ch.moveacces.platform.events.EventJson;
import ch.moveacces.platform.events.EventSchemas;
import ch.moveacces.platform.events.EventType;
import ch.moveacces.platform.events.Topics;
import ch.moveacces.testkit.TopicReader;
import ch.moveacces.testkit.TopicReader.Received;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The relay publishes what auth-service appends: a login reaches identity.events.v1.
 *
 * <p>The relayed login is read back from the topic, keyed by the user id and carrying its {@code
 * traceparent} header.
 */
@RunningAuthService
class IdentityTopicIT {

  @Autowired WebTestClient client;

  @Test
  void aLoginIsPublishedOnTheIdentityTopicKeyedByTheUser() {
    AuthClient auth = new AuthClient(client);
    String email = AuthClient.newEmail();
    long userId = auth.register(email);
    Tokens tokens = auth.login(email, AuthClient.PASSWORD);

    Received published =
        TopicReader.awaitRecord(
            Topics.IDENTITY,
            record ->
                record.key().equals(String.valueOf(userId))
                    && EventJson.read(record.payload())
                        .type()
                        .equals(EventType.LOGIN_SUCCEEDED.type()));

    EventSchemas.load().check(published.payload());
    EventEnvelope event = EventJson.read(published.payload());
    assertThat(event.subject()).isEqualTo(String.valueOf(userId));
    assertThat(event.data()).containsEntry("session_id", tokens.sessionId());
    assertThat(published.headers()).containsKey("traceparent");
  }
}
