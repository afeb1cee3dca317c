package ch.moveacces.auth.roles;

import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The roles of each user, kept in {@code user_roles}; USER is implicit. */
@Repository
public class Roles {

  private final DatabaseClient db;

  public Roles(DatabaseClient db) {
    this.db = db;
  }

  /** USER first, then the stored roles in alphabetical order. */
  public Mono<List<String>> of(long userId) {
    return db.sql("SELECT role FROM user_roles WHERE user_id = :userId ORDER BY role")
        .bind("userId", userId)
        .map(row -> row.get("role", String.class))
        .all()
        .filter(role -> !Role.USER.name().equals(role))
        .collectList()
        .map(
            stored -> {
              List<String> roles = new ArrayList<>(stored.size() + 1);
              roles.add(Role.USER.name());
              roles.addAll(stored);
              return List.copyOf(roles);
            });
  }

  public Mono<Void> grant(long userId, Role role) {
    return db.sql("INSERT IGNORE INTO user_roles (user_id, role) VALUES (:userId, :role)")
        .bind("userId", userId)
        .bind("role", role.name())
        .then();
  }
}
