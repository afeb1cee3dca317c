package ch.moveacces.testkit;

import static ch.moveacces.testkit.Engine.DATABASE;
import static ch.moveacces.testkit.Engine.KAFKA;
import static ch.moveacces.testkit.Engine.REDIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.moveacces.legacy.ServiceAccount;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestContextAnnotationUtils;

class EnginesContextCustomizerFactoryTest {

  private final EnginesContextCustomizerFactory factory = new EnginesContextCustomizerFactory();

  @WithDatabase(ServiceAccount.AUDIT)
  @WithKafka
  static class AuditLike {}

  static class NoEngines {}

  @WithDatabase(ServiceAccount.AUDIT)
  @WithKafka
  static class AnotherAuditLike {}

  @ServiceIT(
      engines = {DATABASE, KAFKA},
      account = ServiceAccount.AUDIT)
  static class AuditService {}

  @ServiceIT(engines = REDIS)
  static class Gateway {}

  @ServiceIT(engines = {REDIS, KAFKA})
  static class ServiceWithoutDatabase {}

  /** A service's own annotation: its settings said once for all of its test classes. */
  @Retention(RetentionPolicy.RUNTIME)
  @ServiceIT(
      engines = {DATABASE, REDIS, KAFKA},
      account = ServiceAccount.AUTH,
      properties = "moveacces.auth.dev-accounts=true")
  @interface RunningAuthLikeService {}

  @RunningAuthLikeService
  static class AuthLogin {}

  @RunningAuthLikeService
  static class AuthRegistration {}

  static class AuthSessions extends AuthLogin {}

  @ServiceIT(engines = {DATABASE, KAFKA})
  static class DatabaseWithoutAccount {}

  @ServiceIT(engines = KAFKA, account = ServiceAccount.PROFILE)
  static class AccountWithoutDatabase {}

  @Test
  void readsTheEnginesATestClassAsksFor() {
    var customizer = factory.createContextCustomizer(AuditLike.class, List.of());

    assertThat(customizer)
        .isEqualTo(new EnginesContextCustomizer(ServiceAccount.AUDIT, false, true));
  }

  @Test
  void leavesTestsWithoutEnginesAlone() {
    assertThat(factory.createContextCustomizer(NoEngines.class, List.of())).isNull();
  }

  @Test
  void classesAskingForTheSameEnginesShareACachedContext() {
    assertThat(factory.createContextCustomizer(AuditLike.class, List.of()))
        .isEqualTo(factory.createContextCustomizer(AnotherAuditLike.class, List.of()));
  }

  @Test
  void readsTheEnginesAndAccountOfAServiceTest() {
    assertThat(factory.createContextCustomizer(AuditService.class, List.of()))
        .isEqualTo(new EnginesContextCustomizer(ServiceAccount.AUDIT, false, true));
    assertThat(factory.createContextCustomizer(Gateway.class, List.of()))
        .isEqualTo(new EnginesContextCustomizer(null, true, false));
    assertThat(factory.createContextCustomizer(ServiceWithoutDatabase.class, List.of()))
        .isEqualTo(new EnginesContextCustomizer(null, true, true));
  }

  @Test
  void aServiceTestAndTheSameEnginesByTheirOwnAnnotationsShareACachedContext() {
    assertThat(factory.createContextCustomizer(AuditService.class, List.of()))
        .isEqualTo(factory.createContextCustomizer(AuditLike.class, List.of()));
  }

  @Test
  void readsAServiceTestThroughTheServicesOwnAnnotationAndItsSubclasses() {
    var expected = new EnginesContextCustomizer(ServiceAccount.AUTH, true, true);

    assertThat(factory.createContextCustomizer(AuthLogin.class, List.of())).isEqualTo(expected);
    assertThat(factory.createContextCustomizer(AuthRegistration.class, List.of()))
        .isEqualTo(expected);
    assertThat(factory.createContextCustomizer(AuthSessions.class, List.of())).isEqualTo(expected);
  }

  @Test
  void startsTheWholeApplicationOnARandomPortWithTheServicesProperties() {
    SpringBootTest direct =
        TestContextAnnotationUtils.findMergedAnnotation(AuditService.class, SpringBootTest.class);
    SpringBootTest composed =
        TestContextAnnotationUtils.findMergedAnnotation(AuthLogin.class, SpringBootTest.class);

    assertThat(direct).isNotNull();
    assertThat(direct.webEnvironment()).isEqualTo(SpringBootTest.WebEnvironment.RANDOM_PORT);
    assertThat(direct.properties()).isEmpty();
    assertThat(composed).isNotNull();
    assertThat(composed.webEnvironment()).isEqualTo(SpringBootTest.WebEnvironment.RANDOM_PORT);
    assertThat(composed.properties()).containsExactly("moveacces.auth.dev-accounts=true");
  }

  @Test
  void refusesTheDatabaseWithoutAnAccount() {
    assertThatThrownBy(
            () -> factory.createContextCustomizer(DatabaseWithoutAccount.class, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DatabaseWithoutAccount")
        .hasMessageContaining("exactly one account");
  }

  @Test
  void refusesAnAccountWithoutTheDatabase() {
    assertThatThrownBy(
            () -> factory.createContextCustomizer(AccountWithoutDatabase.class, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AccountWithoutDatabase")
        .hasMessageContaining("not the DATABASE engine");
  }
}
