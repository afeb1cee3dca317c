package ch.moveacces.subscription.abonnement;

import ch.moveacces.platform.defaults.problem.ProblemTypes;
import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No such abonnement, or (to a member) one that is not theirs: both get the same answer, so that
 * ids of other members' abonnements cannot be probed.
 */
public class AbonnementNotFoundException extends ErrorResponseException {

  @Serial private static final long serialVersionUID = 1L;

  public AbonnementNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such abonnement.");
    problem.setType(ProblemTypes.of("abonnement-not-found"));
    problem.setTitle("Abonnement not found");
    return problem;
  }
}
