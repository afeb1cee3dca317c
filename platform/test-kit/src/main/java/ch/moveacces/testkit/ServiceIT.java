package ch.moveacces.testkit;

import ch.moveacces.legacy.ServiceAccount;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of a whole application on the test engines: {@code @SpringBootTest} on a random port, a
 * {@code WebTestClient} bound to it, and the engines it names, each started once per test JVM.
 *
 * <pre>{@code
 * @ServiceIT(engines = {DATABASE, KAFKA}, account = ServiceAccount.AUDIT)
 * class AuditServiceIT { … }
 * }</pre>
 *
 * <p>With {@link Engine#DATABASE} the application connects as its own {@link #account() account}
 * ({@code spring.r2dbc.*}, and {@code spring.flyway.*} for its migrations, as the account's {@link
 * ServiceAccount#migrator() migrator}); {@link Engine#REDIS} sets {@code spring.data.redis.*},
 * {@link Engine#KAFKA} {@code spring.kafka.bootstrap-servers}. Test classes with the same engines,
 * account and properties share one cached context; a service whose tests share more than that
 * (properties, an initializer) says it once, in an annotation of its own that carries this one.
 *
 * <p>For a Spring context smaller than an application (a library's auto-configuration), {@link
 * WithDatabase}, {@link WithRedis} and {@link WithKafka} give the same engines.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(EnginesAvailable.class)
public @interface ServiceIT {

  Engine[] engines() default {};

  /** The database account: exactly one with {@link Engine#DATABASE}, none without it. */
  ServiceAccount[] account() default {};

  /** Properties of the application under test, as {@code key=value}. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};
}
