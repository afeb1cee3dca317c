package ch.moveacces.audit;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on real engines, one context for every test class: a second context would run a
 * second consumer in the same group and take partitions from the one under test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@WithDatabase(ServiceAccount.AUDIT)
@WithKafka
@ContextConfiguration(initializers = Tokens.Keys.class)
public @interface AuditServiceTest {}
