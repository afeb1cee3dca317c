package ch.moveacces.testkit;

import ch.moveacces.legacy.ServiceAccount;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application under test connects to the shared test database (legacy schema, service accounts
 * and seed data loaded) as {@link #value() this service's account}: {@code spring.r2dbc.*} for the
 * application, {@code spring.flyway.*} (its {@link ServiceAccount#migrator() migrator}) for its
 * migrations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EnginesAvailable.class)
public @interface WithDatabase {

  ServiceAccount value();
}
