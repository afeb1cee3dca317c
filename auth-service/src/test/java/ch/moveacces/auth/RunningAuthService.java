package ch.moveacces.auth;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;
import static ch.moveacces.testkit.Engine.REDIS;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.ServiceIT;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * auth-service on real engines, with cheap Argon2id parameters (one test class keeps the real
 * ones), a throw-away signing key, the dev accounts and a clock the tests move. Every class with
 * this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ServiceIT(
    engines = {DATABASE, REDIS, KAFKA},
    account = ServiceAccount.AUTH,
    properties = {
      "moveacces.auth.dev-ephemeral-key=true",
      "moveacces.auth.dev-accounts=true",
      "moveacces.auth.argon2.memory-kib=1024",
      "moveacces.auth.argon2.iterations=1"
    })
@Import(TestClock.Configuration.class)
public @interface RunningAuthService {}
