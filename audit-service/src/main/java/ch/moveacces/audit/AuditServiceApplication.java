package ch.moveacces.audit;

import ch.moveacces.audit.integrity.IntegrityCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AuditServiceApplication {

  public static void main(String[] args) {
    if (IntegrityCommand.handles(args)) {
      System.exit(IntegrityCommand.run(args, System.out, System.err));
    }
    SpringApplication.run(AuditServiceApplication.class, args);
  }
}
