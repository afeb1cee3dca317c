package ch.moveacces.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The repository's files as the deployment tests read them. */
final class RepositoryFiles {

  /** The repository: the nearest directory above this module that holds the Maven wrapper. */
  static final Path ROOT = findRoot();

  /**
   * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}} and the like, innermost first:
   * a default may itself read a variable ({@code ${A:-https://${B}}}).
   */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^${}]*))?}");

  /** Where a variable is read, nested or not. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

  private RepositoryFiles() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A YAML file as maps, lists and scalars. Compose's own tags ({@code !override}, {@code !reset})
   * are read as if absent; anchors, aliases and merge keys are resolved.
   */
  static Map<String, Object> yaml(String relative) {
    return yamlDocuments(relative).getFirst();
  }

  static List<Map<String, Object>> yamlDocuments(String relative) {
    return yamlDocuments(path(relative));
  }

  /** A YAML file's documents, read as {@link #yaml(String)} reads the first one. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> yamlDocuments(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new TagTolerantConstructor(options));
    List<Map<String, Object>> documents = new ArrayList<>();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Object document : yaml.loadAll(text)) {
      if (document != null) {
        documents.add((Map<String, Object>) document);
      }
    }
    return documents;
  }

  /** The variable names a compose value reads. */
  static List<String> variables(String value) {
    List<String> names = new ArrayList<>();
    Matcher matcher = VARIABLE_NAME.matcher(value);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * A compose value as it is with an empty environment: {@code ${VAR:-default}} gives the default,
   * {@code ${VAR:?…}} (required) gives {@code <VAR>}, anything else the empty string.
   */
  static String interpolate(String value) {
    String interpolated = value;
    String previous;
    do {
      previous = interpolated;
      interpolated = interpolateInnermost(previous);
    } while (!interpolated.equals(previous));
    return interpolated;
  }

  private static String interpolateInnermost(String value) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String operator = matcher.group(2);
      String replacement;
      if (operator != null && operator.endsWith("-")) {
        replacement = matcher.group(3);
      } else if (operator != null && operator.endsWith("?")) {
        replacement = "<" + matcher.group(1) + ">";
      } else {
        replacement = "";
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Path findRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      if (Files.exists(directory.resolve("mvnw"))
          && Files.exists(directory.resolve("platform/deployment/pom.xml"))) {
        return directory;
      }
      directory = directory.getParent();
    }
    throw new IllegalStateException(
        "the repository (a directory holding mvnw and platform/deployment) is not above "
            + Path.of("").toAbsolutePath());
  }

  /** SnakeYAML's safe constructor that reads an unknown tag's node by its kind. */
  private static final class TagTolerantConstructor extends SafeConstructor {

    TagTolerantConstructor(LoaderOptions options) {
      super(options);
      yamlConstructors.put(
          null,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return switch (node) {
                case MappingNode mapping -> constructMapping(mapping);
                case SequenceNode sequence -> constructSequence(sequence);
                case ScalarNode scalar -> constructScalar(scalar);
                default -> throw new IllegalStateException("unexpected YAML node " + node);
              };
            }
          });
    }
  }
}
