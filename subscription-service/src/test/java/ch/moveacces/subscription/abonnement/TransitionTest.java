package ch.moveacces.subscription.abonnement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The abonnement's state machine: which transitions are legal from which state. */
class TransitionTest {

  @Test
  void allowsExactlyTheLegalTransitions() {
    Set<String> legal = new TreeSet<>();
    for (Transition transition : Transition.values()) {
      for (AbonnementState state : AbonnementState.values()) {
        if (transition.allowedFrom(state)) {
          legal.add(state.value() + " -" + transition.verb() + "-> " + transition.to().value());
        }
      }
    }

    assertThat(legal)
        .containsExactlyInAnyOrder(
            "pending -activate-> active",
            "active -pause-> paused",
            "paused -resume-> active",
            "pending -cancel-> canceled",
            "active -cancel-> canceled",
            "paused -cancel-> canceled",
            "active -expire-> expired",
            "paused -expire-> expired");
  }

  @Test
  void leavesExpiredAndCanceledFinal() {
    for (Transition transition : Transition.values()) {
      assertThat(transition.from())
          .doesNotContainAnyElementsOf(
              EnumSet.of(AbonnementState.EXPIRED, AbonnementState.CANCELED));
    }
  }

  @Test
  void readsAndWritesTheColumnValues() {
    for (AbonnementState state : AbonnementState.values()) {
      assertThat(AbonnementState.of(state.value())).isEqualTo(state);
    }
    assertThat(AbonnementState.PAUSED.value()).isEqualTo("paused");
  }
}
