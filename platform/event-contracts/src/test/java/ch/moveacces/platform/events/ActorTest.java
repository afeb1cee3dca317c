package ch.moveacces.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ActorTest {

  @Test
  void aUserActsWithTheirIdAndRole() {
    Actor actor = Actor.user(42, "member");

    assertThat(actor.kind()).isEqualTo(Actor.Kind.USER);
    assertThat(actor.userId()).isEqualTo(42L);
    assertThat(actor.role()).isEqualTo("member");
  }

  @Test
  void aMemberActsAsUserAndAnAdministratorAsAdmin() {
    assertThat(Actor.member(42)).isEqualTo(Actor.user(42, "user"));
    assertThat(Actor.admin(7)).isEqualTo(Actor.user(7, "admin"));
  }

  @Test
  void refusesAUserWithoutRoleOrWithoutAPositiveId() {
    assertThatIllegalArgumentException().isThrownBy(() -> Actor.user(42, " "));
    assertThatIllegalArgumentException().isThrownBy(() -> Actor.user(0, "admin"));
  }

  @Test
  void refusesTheSystemWithAUserId() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Actor(Actor.Kind.SYSTEM, 42L, null));
  }
}
