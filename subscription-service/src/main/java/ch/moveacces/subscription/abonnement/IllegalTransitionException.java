package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A transition the abonnement's current state does not allow: 409, naming that state. */
class IllegalTransitionException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  static final String CURRENT_STATE = "current_state";
  static final String ACTION = "action";

  IllegalTransitionException(AbonnementState current, Transition transition) {
    super(HttpStatus.CONFLICT, problem(current, transition), null);
  }

  private static ProblemDetail problem(AbonnementState current, Transition transition) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The abonnement is "
                + current.value()
                + ": it cannot be "
                + transition.participle()
                + ".");
    problem.setType(ProblemTypes.of("illegal-state-transition"));
    problem.setTitle("Illegal state transition");
    problem.setProperty(CURRENT_STATE, current.value());
    problem.setProperty(ACTION, transition.verb());
    return problem;
  }
}
