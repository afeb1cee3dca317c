package ch.moveacces.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EnvExampleTest {

  private static final Map<String, String> EXAMPLE = parse(RepositoryFiles.read(".env.example"));

  @Test
  void documentsEveryVariableTheComposeFilesRead() {
    Set<String> read = new TreeSet<>();
    for (String file : List.of(ComposeFile.DEVELOPMENT, ComposeFile.PRODUCTION)) {
      collect(RepositoryFiles.yaml(file), read);
    }
    assertThat(EXAMPLE.keySet()).as(".env.example").containsAll(read);
  }

  @Test
  void holdsNoSecret() {
    EXAMPLE.forEach(
        (name, value) -> {
          if (name.contains("PASSWORD")
              || name.contains("SIGNING_KEYS") && !name.endsWith("_PATH")
              || name.equals("AUDIT_CHECKPOINT_KEY")) {
            assertThat(value).as("%s in .env.example", name).isEmpty();
          }
        });
    assertThat(RepositoryFiles.read(".gitignore").lines()).contains(".env");
  }

  private static void collect(Object value, Set<String> names) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(nested -> collect(nested, names));
    } else if (value instanceof List<?> list) {
      list.forEach(nested -> collect(nested, names));
    } else if (value != null) {
      names.addAll(RepositoryFiles.variables(value.toString()));
    }
  }

  private static Map<String, String> parse(String dotenv) {
    Map<String, String> entries = new LinkedHashMap<>();
    dotenv
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .forEach(
            line -> {
              String[] pair = line.split("=", 2);
              entries.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
    return entries;
  }
}
