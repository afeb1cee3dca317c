package ch.moveacces.subscription;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.OwnMigrations;
import ch.moveacces.testkit.ServiceConventions;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithDatabase(ServiceAccount.SUBSCRIPTION)
@WithKafka
class SubscriptionServiceIT implements ServiceConventions, OwnMigrations {

  @Autowired WebTestClient client;

  @Override
  public WebTestClient client() {
    return client;
  }

  @Override
  public String applicationName() {
    return "subscription-service";
  }

  @Override
  public List<String> readinessComponents() {
    return List.of("r2dbc");
  }

  /** A producer of events: its outbox keeps them while Kafka is away. */
  @Override
  public List<String> healthOnlyComponents() {
    return List.of("kafka");
  }

  @Override
  public ServiceAccount account() {
    return ServiceAccount.SUBSCRIPTION;
  }
}
