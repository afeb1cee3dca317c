package ch.moveacces.audit;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.ServiceIT;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on real engines, one context for every test class: a second context would run a
 * second consumer in the same group and take partitions from the one under test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIT(
    engines = {DATABASE, KAFKA},
    account = ServiceAccount.AUDIT)
@ContextConfiguration(initializers = Tokens.Keys.class)
public @interface RunningAuditService {}
