package ch.moveacces.auth;

import ch.moveacces.legacy.ServiceAccount;
import ch.moveacces.testkit.WithDatabase;
import ch.moveacces.testkit.WithKafka;
import ch.moveacces.testkit.WithRedis;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * auth-service on real engines, with cheap Argon2id parameters (one test class keeps the real
 * ones), a throw-away signing key, the dev accounts and a clock the tests move. Every class with
 * this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "moveacces.auth.dev-ephemeral-key=true",
      "moveacces.auth.dev-accounts=true",
      "moveacces.auth.argon2.memory-kib=1024",
      "moveacces.auth.argon2.iterations=1"
    })
@AutoConfigureWebTestClient
@WithDatabase(ServiceAccount.AUTH)
@WithRedis
@WithKafka
@Import(TestClock.Configuration.class)
public @interface AuthServiceTest {}
