package ch.moveacces.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceAccountTest {

  @Test
  void namesEachAccountItsPasswordVariableAndDevOnlyPasswordFromItsShortName() {
    DatabaseAccount migrator = ServiceAccount.AUDIT.migrator();

    assertThat(migrator.username()).isEqualTo("moveacces_audit_migrator");
    assertThat(migrator.passwordVariable()).isEqualTo("AUDIT_MIGRATOR_DB_PASSWORD");
    assertThat(migrator.devOnlyPassword()).isEqualTo("dev-only-audit-migrator-password");
    assertThat(ServiceAccount.AUDIT.username()).isEqualTo("moveacces_audit");
    assertThat(ServiceAccount.AUDIT.passwordVariable()).isEqualTo("AUDIT_DB_PASSWORD");
    assertThat(ServiceAccount.AUDIT.devOnlyPassword()).isEqualTo("dev-only-audit-password");
    assertThat(ServiceAccount.AUDIT.flywayHistoryTable()).isEqualTo("flyway_history_audit");
  }

  @Test
  void onlyAuditServiceMigratesUnderAnAccountOfItsOwn() {
    assertThat(ServiceAccount.AUDIT.hasOwnMigrator()).isTrue();
    assertThat(ServiceAccount.AUDIT.migrator()).isNotEqualTo(ServiceAccount.AUDIT.runtime());
    for (ServiceAccount account :
        new ServiceAccount[] {
          ServiceAccount.AUTH, ServiceAccount.PROFILE, ServiceAccount.SUBSCRIPTION
        }) {
      assertThat(account.hasOwnMigrator()).as(account.service()).isFalse();
      assertThat(account.migrator()).isEqualTo(account.runtime());
    }
  }

  @Test
  void listsEveryAccountTheScriptCreatesOnce() {
    assertThat(ServiceAccount.databaseAccounts())
        .extracting(DatabaseAccount::username)
        .containsExactly(
            "moveacces_auth",
            "moveacces_profile",
            "moveacces_subscription",
            "moveacces_audit",
            "moveacces_audit_migrator");
  }

  @Test
  void refusesWhatCouldNotBeAnAccountsName() {
    assertThatThrownBy(() -> new DatabaseAccount("audit'@'%"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
