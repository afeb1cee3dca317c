package ch.moveacces.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The places docs/adding-a-service.md lists, read in one copy of the repository: for each of its
 * Spring Boot applications, every place that does not name it. An application with a database
 * account (its {@code application.yml} reads {@code ${DB_USERNAME:moveacces_…}}) must also be named
 * where the accounts are made.
 */
final class ServicePlaces {

  static final String ROOT_POM = "pom.xml";
  static final String MAKEFILE = "Makefile";
  static final String PROMETHEUS = "deploy/prometheus/prometheus.yml";
  static final String GATEWAY_ROUTES = "gateway/src/main/resources/application.yml";
  static final String DEVSTACK_APPLICATIONS =
      "platform/devstack/src/main/java/ch/moveacces/devstack/Application.java";
  static final String DEVSTACK_POM = "platform/devstack/pom.xml";
  static final String SERVICE_ACCOUNT =
      "platform/legacy-schema/src/main/java/ch/moveacces/legacy/ServiceAccount.java";
  static final String ACCOUNTS_SQL =
      "platform/legacy-schema/src/main/resources/ch/moveacces/legacy/service-accounts.sql";
  static final String DATABASE_SETUP = "deploy/mysql/10-moveacces.sh";
  static final String ARCHITECTURE_RULES =
      "platform/test-kit/src/main/java/ch/moveacces/testkit/architecture/ArchitectureRules.java";

  /** The one application nothing routes to: it is the router. */
  static final String GATEWAY = "gateway";

  /** The files read beside each application's own pom, main class and application.yml. */
  static final List<String> SHARED_FILES =
      List.of(
          ROOT_POM,
          MAKEFILE,
          ComposeFile.DEVELOPMENT,
          ComposeFile.PRODUCTION,
          PROMETHEUS,
          GATEWAY_ROUTES,
          DEVSTACK_APPLICATIONS,
          DEVSTACK_POM,
          SERVICE_ACCOUNT,
          ACCOUNTS_SQL,
          DATABASE_SETUP,
          ARCHITECTURE_RULES);

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ACCOUNT =
      Pattern.compile("\\$\\{DB_USERNAME:(moveacces_[a-z0-9_]+)}");
  private static final Pattern MIGRATION_ACCOUNT =
      Pattern.compile("\\$\\{DB_MIGRATION_USERNAME:(moveacces_[a-z0-9_]+)}");
  private static final Pattern DB_SERVICES =
      Pattern.compile("^DB_SERVICES\\s*:?=(.*)$", Pattern.MULTILINE);
  private static final Pattern SETUP_LOOP =
      Pattern.compile("^for variable in (.*); do$", Pattern.MULTILINE);
  private static final String SPRING_BOOT_APPLICATION = "@SpringBootApplication";

  /** A place that does not name an application. */
  record Gap(String application, String file, String what) {
    @Override
    public String toString() {
      return application + " is not named in " + file + " (" + what + ")";
    }
  }

  private final Path root;
  private SortedMap<String, Path> applications;

  /**
   * What is read or parsed once per copy of the repository: each check reads it per application.
   */
  private final Map<String, Object> parsed = new HashMap<>();

  ServicePlaces(Path root) {
    this.root = root;
  }

  /**
   * The Spring Boot applications by module, each with its main class: the root pom's modules and
   * the top-level directories holding a pom (so one left out of the root pom is found all the
   * same).
   */
  SortedMap<String, Path> applications() {
    if (applications == null) {
      applications = findApplications();
    }
    return applications;
  }

  private SortedMap<String, Path> findApplications() {
    Set<String> candidates = new TreeSet<>(rootModules());
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
          .map(child -> child.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .forEach(candidates::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SortedMap<String, Path> applications = new TreeMap<>();
    for (String module : candidates) {
      mainClass(module).ifPresent(mainClass -> applications.put(module, mainClass));
    }
    return applications;
  }

  /** The files the checks read: copy these and the copy is checked as the original is. */
  Set<Path> filesRead() {
    Set<Path> files = new LinkedHashSet<>();
    SHARED_FILES.forEach(file -> files.add(root.resolve(file)));
    applications()
        .forEach(
            (module, mainClass) -> {
              files.add(root.resolve(module).resolve("pom.xml"));
              files.add(mainClass);
              Path settings = applicationYml(module);
              if (Files.exists(settings)) {
                files.add(settings);
              }
            });
    return files;
  }

  /** Every place that misses an application, for every application. */
  List<Gap> gaps() {
    List<Gap> gaps = new ArrayList<>();
    applications().keySet().forEach(module -> gaps.addAll(gaps(module)));
    return gaps;
  }

  List<Gap> gaps(String module) {
    List<Gap> gaps = new ArrayList<>();
    Checks checks = new Checks(module, gaps);
    String makefile = read(MAKEFILE);
    ComposeFile development = compose(ComposeFile.DEVELOPMENT);
    ComposeFile production = compose(ComposeFile.PRODUCTION);

    checks.require(rootModules().contains(module), ROOT_POM, "a <module>");
    checks.require(
        read(ROOT_POM).contains("<exclude>ch.moveacces:" + module + "</exclude>"),
        ROOT_POM,
        "the enforcer's ban on depending on " + module);
    checks.require(
        read(ARCHITECTURE_RULES).contains("\"" + rootPackage(module) + "\""),
        ARCHITECTURE_RULES,
        "SERVICE_PACKAGES, so that no other service uses its classes");
    checks.require(
        makefile.contains("DEVSTACK_JAVA_OPTS_" + constantName(module) + "="),
        MAKEFILE,
        "bench-devstack's DEVSTACK_JAVA_OPTS_" + constantName(module));
    checks.require(
        development.applications().containsValue(module),
        ComposeFile.DEVELOPMENT,
        "a service built with SERVICE: " + module);
    checks.require(
        String.valueOf(production.service(module).get("image"))
            .startsWith("moveacces/" + module + ":"),
        ComposeFile.PRODUCTION,
        "service " + module + " with the image moveacces/" + module);
    checks.require(
        prometheusHosts().contains(module), PROMETHEUS, "a scrape target " + module + ":<port>");
    if (!module.equals(GATEWAY)) {
      checks.require(
          gatewayRouteIds().contains(module), GATEWAY_ROUTES, "a route with id " + module);
    }
    checks.require(
        Pattern.compile("\\b[A-Z_]+\\(\\s*\"" + Pattern.quote(module) + "\"")
            .matcher(read(DEVSTACK_APPLICATIONS))
            .find(),
        DEVSTACK_APPLICATIONS,
        "an application the devstack runs");
    checks.require(
        read(DEVSTACK_POM).contains("<artifactId>" + module + "</artifactId>"),
        DEVSTACK_POM,
        "a dependency, so the reactor builds it first");

    account(module)
        .ifPresent(
            account -> {
              checks.require(
                  Pattern.compile("\\b[A-Z_]+\\(\\s*\"" + Pattern.quote(module) + "\"\\s*[,)]")
                      .matcher(read(SERVICE_ACCOUNT))
                      .find(),
                  SERVICE_ACCOUNT,
                  "the account the devstack and the tests create");
              checks.require(
                  words(DB_SERVICES, makefile).contains(module),
                  MAKEFILE,
                  "DB_SERVICES, the services make migrate starts");
              requireCreated(account, checks, development, makefile);
            });
    migrationAccount(module)
        .ifPresent(
            account -> {
              checks.require(
                  read(SERVICE_ACCOUNT).contains("\"" + shortName(account) + "\""),
                  SERVICE_ACCOUNT,
                  "the migration account the devstack and the tests create");
              requireCreated(account, checks, development, makefile);
            });
    return gaps;
  }

  /** An account is created, with its password, wherever the accounts are made. */
  private void requireCreated(
      String account, Checks checks, ComposeFile development, String makefile) {
    String password = passwordVariable(account);
    checks.require(
        read(ACCOUNTS_SQL).contains("CREATE USER IF NOT EXISTS '" + account + "'"),
        ACCOUNTS_SQL,
        "CREATE USER '" + account + "' and its grants");
    checks.require(
        words(SETUP_LOOP, read(DATABASE_SETUP)).contains(password),
        DATABASE_SETUP,
        "the passwords it fills in: " + password);
    checks.require(
        ComposeFile.environment(development.service("mysql")).containsKey(password),
        ComposeFile.DEVELOPMENT,
        "mysql's " + password);
    checks.require(
        Pattern.compile("-e\\s+" + password + "\\b").matcher(makefile).find(),
        MAKEFILE,
        "prod-db-setup's -e " + password);
  }

  /** Its database account, read from its application.yml; none for the gateway and realtime. */
  Optional<String> account(String module) {
    return accountIn(module, ACCOUNT);
  }

  /**
   * The account its migrations run under where that is not its own ({@code
   * ${DB_MIGRATION_USERNAME:moveacces_…}} in its application.yml): audit-service's.
   */
  Optional<String> migrationAccount(String module) {
    return accountIn(module, MIGRATION_ACCOUNT);
  }

  private Optional<String> accountIn(String module, Pattern placeholder) {
    Path settings = applicationYml(module);
    if (!Files.exists(settings)) {
      return Optional.empty();
    }
    Matcher matcher = placeholder.matcher(readFile(settings));
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** {@code moveacces_audit} → {@code AUDIT_DB_PASSWORD}, as ServiceAccount names it. */
  static String passwordVariable(String account) {
    return shortName(account).toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
  }

  /** {@code moveacces_audit_migrator} → {@code audit_migrator}, as ServiceAccount names it. */
  static String shortName(String account) {
    return account.substring("moveacces_".length());
  }

  /** {@code realtime-service} → {@code REALTIME_SERVICE}. */
  /** The package of the application's main class: its root package. */
  String rootPackage(String module) {
    Matcher declaration =
        Pattern.compile("(?m)^package ([\\w.]+);").matcher(readFile(applications().get(module)));
    return declaration.find() ? declaration.group(1) : "";
  }

  static String constantName(String module) {
    return module.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private Set<String> rootModules() {
    return once("root modules", this::readRootModules);
  }

  private Set<String> readRootModules() {
    Set<String> modules = new TreeSet<>();
    Matcher matcher = MODULE.matcher(read(ROOT_POM));
    while (matcher.find()) {
      modules.add(matcher.group(1).trim());
    }
    return modules;
  }

  private Optional<Path> mainClass(String module) {
    Path sources = root.resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> readFile(file).contains(SPRING_BOOT_APPLICATION))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path applicationYml(String module) {
    return root.resolve(module).resolve("src/main/resources/application.yml");
  }

  private ComposeFile compose(String name) {
    return once(
        name,
        () -> new ComposeFile(name, RepositoryFiles.yamlDocuments(root.resolve(name)).getFirst()));
  }

  private Set<String> prometheusHosts() {
    return once(PROMETHEUS, this::readPrometheusHosts);
  }

  private Set<String> readPrometheusHosts() {
    Set<String> hosts = new TreeSet<>();
    Map<String, Object> prometheus = RepositoryFiles.yamlDocuments(root.resolve(PROMETHEUS)).get(0);
    for (Object job : list(prometheus.get("scrape_configs"))) {
      for (Object targets : list(ComposeFile.asMap(job).get("static_configs"))) {
        for (Object target : list(ComposeFile.asMap(targets).get("targets"))) {
          hosts.add(target.toString().split(":", 2)[0]);
        }
      }
    }
    return hosts;
  }

  private Set<String> gatewayRouteIds() {
    return once(GATEWAY_ROUTES, this::readGatewayRouteIds);
  }

  private Set<String> readGatewayRouteIds() {
    Map<String, Object> node = RepositoryFiles.yamlDocuments(root.resolve(GATEWAY_ROUTES)).get(0);
    for (String key : List.of("spring", "cloud", "gateway", "server", "webflux")) {
      node = ComposeFile.asMap(node.get(key));
    }
    Set<String> ids = new TreeSet<>();
    for (Object route : list(node.get("routes"))) {
      ids.add(String.valueOf(ComposeFile.asMap(route).get("id")));
    }
    return ids;
  }

  private static Set<String> words(Pattern line, String text) {
    Set<String> words = new TreeSet<>();
    Matcher matcher = line.matcher(text);
    while (matcher.find()) {
      words.addAll(List.of(matcher.group(1).trim().split("\\s+")));
    }
    return words;
  }

  private static Collection<?> list(Object value) {
    return value instanceof Collection<?> collection ? collection : List.of();
  }

  private String read(String relative) {
    return once("text of " + relative, () -> readFile(root.resolve(relative)));
  }

  @SuppressWarnings("unchecked")
  private <T> T once(String key, Supplier<T> reader) {
    Object value = parsed.get(key);
    if (value == null) {
      value = reader.get();
      parsed.put(key, value);
    }
    return (T) value;
  }

  private static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Collects the gaps of one application. */
  private record Checks(String module, List<Gap> gaps) {
    void require(boolean named, String file, String what) {
      if (!named) {
        gaps.add(new Gap(module, file, what));
      }
    }
  }
}
