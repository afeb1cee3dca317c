package ch.moveacces.auth.roles;

import ch.moveacces.auth.account.Accounts;
import ch.moveacces.auth.account.NewAccount;
import ch.moveacces.auth.registration.RegisterUser;
import ch.moveacces.platform.events.Client;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The auditor and admin accounts of development, created at start-up when absent and given their
 * role. Only with {@code moveacces.auth.dev-accounts=true} (the devstack sets it); never in
 * production. Their passwords are documented in the README, hence development only.
 */
@Component
@ConditionalOnBooleanProperty("moveacces.auth.dev-accounts")
class DevAccounts implements ApplicationRunner {

  static final List<DevAccount> ACCOUNTS =
      List.of(
          new DevAccount(
              "auditor@moveacces.ch", "Ledger-Watch-2026!", "Auditor", "Dev", Role.AUDITOR),
          new DevAccount("admin@moveacces.ch", "Control-Room-2026!", "Admin", "Dev", Role.ADMIN));

  private static final Logger log = LoggerFactory.getLogger(DevAccounts.class);
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final Accounts accounts;
  private final RegisterUser registerUser;
  private final Roles roles;

  DevAccounts(Accounts accounts, RegisterUser registerUser, Roles roles) {
    this.accounts = accounts;
    this.registerUser = registerUser;
    this.roles = roles;
  }

  @Override
  public void run(ApplicationArguments args) {
    Flux.fromIterable(ACCOUNTS).concatMap(this::ensure).then().block(TIMEOUT);
  }

  private Mono<Void> ensure(DevAccount account) {
    Mono<Long> userId =
        accounts
            .findUserId(account.email())
            .switchIfEmpty(
                Mono.defer(
                    () ->
                        registerUser
                            .register(
                                new NewAccount(
                                    account.email(),
                                    account.nom(),
                                    account.prenom(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                                account.password(),
                                // created by the service itself, not by a client's request
                                Client.UNKNOWN)
                            .doOnNext(
                                id ->
                                    log.warn(
                                        "DEVELOPMENT ONLY: created the {} account {}",
                                        account.role(),
                                        account.email()))));
    return userId.flatMap(id -> roles.grant(id, account.role()));
  }

  record DevAccount(String email, String password, String nom, String prenom, Role role) {}
}
