package ch.moveacces.audit.integrity;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The trail's integrity on the command line, without starting the service: {@code java -jar
 * audit-service.jar verify [--from=RFC3339] [--to=RFC3339]} (exit 0 when intact, 1 with the report
 * otherwise, 2 when it could not run) and {@code erase-member USER_ID [--reason=...]}.
 *
 * <p>The database and the key come from the service's own configuration ({@code application.yml}
 * with the same environment variables: {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code
 * DB_USERNAME}, {@code DB_PASSWORD}, {@code AUDIT_CHECKPOINT_KEY}, {@code
 * AUDIT_CHECKPOINT_PREVIOUS_KEYS}), or from arguments: {@code --db-url=jdbc:mariadb://...}, {@code
 * --db-user}, {@code --db-password}, and for verify {@code --key-file=PATH} or {@code
 * --key-url=https://.../audit/checkpoints/key} (a public JWK set), so that an auditor verifies with
 * keys they took from elsewhere than the database's operator.
 */
public final class IntegrityCommand {

  private static final String VERIFY = "verify";
  private static final String ERASE_MEMBER = "erase-member";

  private final Map<String, String> options;
  private final StandardEnvironment configuration;

  private IntegrityCommand(Map<String, String> options, StandardEnvironment configuration) {
    this.options = options;
    this.configuration = configuration;
  }

  /** Whether these arguments name one of the commands (else the service starts). */
  public static boolean handles(String[] args) {
    return args.length > 0 && List.of(VERIFY, ERASE_MEMBER).contains(args[0]);
  }

  /** Runs the command; its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      IntegrityCommand command = new IntegrityCommand(options(args), serviceConfiguration());
      return switch (args[0]) {
        case VERIFY -> command.verify(out);
        case ERASE_MEMBER -> command.eraseMember(args, out);
        default -> throw new IllegalArgumentException("No such command: " + args[0]);
      };
    } catch (IllegalArgumentException | IOException | SQLException failed) {
      err.println(args[0] + " failed: " + failed.getMessage());
      return 2;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      err.println(args[0] + " interrupted");
      return 2;
    }
  }

  private int verify(PrintStream out) throws IOException, InterruptedException, SQLException {
    Instant from = instant("from");
    Instant to = instant("to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--to must be later than --from");
    }
    TrailVerification verification = new TrailVerification(keys());
    try (Connection db = database().connect()) {
      VerificationReport report = verification.verify(db, from, to);
      out.print(report.text());
      return report.intact() ? 0 : 1;
    }
  }

  private int eraseMember(String[] args, PrintStream out) throws SQLException {
    if (args.length < 2 || !args[1].matches("[1-9][0-9]{0,9}")) {
      throw new IllegalArgumentException("usage: erase-member USER_ID [--reason=TEXT]");
    }
    MemberErasure erasure =
        new MemberErasure(database(), CheckpointSigner.parse(signingKey()), Clock.systemUTC());
    MemberErasure.Erasure done =
        erasure.erase(Long.parseLong(args[1]), options.getOrDefault("reason", "erased on request"));
    out.println(
        done.id() == null
            ? "nothing to erase for member " + args[1]
            : "erasure " + done.id() + ": " + done.rowsErased() + " rows of member " + args[1]);
    return 0;
  }

  private CheckpointKeys keys() throws IOException, InterruptedException {
    if (options.containsKey("key-file")) {
      return CheckpointKeys.parse(Files.readString(Path.of(options.get("key-file"))));
    }
    if (options.containsKey("key-url")) {
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(options.get("key-url")))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          throw new IOException(options.get("key-url") + " answered " + answer.statusCode());
        }
        return CheckpointKeys.parse(answer.body());
      }
    }
    CheckpointKeys current = CheckpointSigner.parse(signingKey()).publicKeys();
    String previous = configuration.getProperty(CheckpointProperties.PREFIX + ".previous-keys", "");
    return current.and(CheckpointKeys.parse(previous));
  }

  private TrailDatabase database() {
    String user = options.getOrDefault("db-user", required("spring.r2dbc.username"));
    String password = options.getOrDefault("db-password", required("spring.r2dbc.password"));
    if (options.containsKey("db-url")) {
      return new TrailDatabase(options.get("db-url"), user, password);
    }
    return TrailDatabase.fromR2dbc(required("spring.r2dbc.url"), user, password);
  }

  private @Nullable Instant instant(String name) {
    String value = options.get(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notRfc3339) {
      throw new IllegalArgumentException(
          "--" + name + " must be an RFC 3339 date-time, e.g. 2026-11-25T09:30:00Z");
    }
  }

  /** The configured signing key; blank (an empty AUDIT_CHECKPOINT_KEY): the dev-only one. */
  private String signingKey() {
    String key = configuration.getProperty(CheckpointProperties.PREFIX + ".signing-key");
    return key == null || key.isBlank()
        ? required(CheckpointProperties.PREFIX + ".dev-only-signing-key")
        : key;
  }

  private String required(String property) {
    String value = configuration.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("No " + property + " configured");
    }
    return value;
  }

  /** {@code --name=value} arguments after the command's own. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else if (arg.startsWith("--")) {
        throw new IllegalArgumentException("Options take a value: " + arg + "=...");
      }
    }
    return options;
  }

  /** The service's application.yml, its placeholders resolved from the environment as it would. */
  private static StandardEnvironment serviceConfiguration() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    for (PropertySource<?> source :
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"))) {
      environment.getPropertySources().addLast(source);
    }
    return environment;
  }
}
