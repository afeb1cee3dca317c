package ch.moveacces.audit;

import ch.moveacces.audit.integrity.IntegrityCommand;
import ch.moveacces.audit.recording.DeadLetterReplay;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service; with {@code verify} or {@code erase-member} the trail's integrity commands (see
 * IntegrityCommand); with {@code replay-dead-letters} a one-off run that moves the dead-letter
 * topic's records into the trail, prints what it did and exits.
 */
@SpringBootApplication
public class AuditServiceApplication {

  public static void main(String[] args) {
    if (IntegrityCommand.handles(args)) {
      System.exit(IntegrityCommand.run(args, System.out, System.err));
    }
    if (Arrays.asList(args).contains(DeadLetterReplay.COMMAND)) {
      replayDeadLetters(args);
      System.exit(0);
    }
    SpringApplication.run(AuditServiceApplication.class, args);
  }

  /**
   * Replays the dead letters in a context without web server and without the event listener (the
   * service's consumers keep their partitions), and prints a one-line summary.
   */
  public static DeadLetterReplay.Summary replayDeadLetters(String... args) {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(AuditServiceApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.kafka.listener.auto-startup=false")
            .run(args)) {
      DeadLetterReplay.Summary summary = context.getBean(DeadLetterReplay.class).replay();
      System.out.println(summary);
      return summary;
    }
  }
}
