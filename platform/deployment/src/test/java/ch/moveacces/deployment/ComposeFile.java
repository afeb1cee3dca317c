package ch.moveacces.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A compose file's services, read with compose's short and long syntaxes alike. */
record ComposeFile(String name, Map<String, Object> root) {

  static final String DEVELOPMENT = "docker-compose.yml";
  static final String PRODUCTION = "docker-compose.prod.yml";

  /** Infrastructure that must never be reachable from outside the host. */
  static final Set<String> DATA_STORES = Set.of("mysql", "redis", "kafka");

  static ComposeFile load(String name) {
    return new ComposeFile(name, RepositoryFiles.yaml(name));
  }

  Map<String, Map<String, Object>> services() {
    return asMap(root.get("services"));
  }

  Map<String, Object> service(String service) {
    return asMap(services().get(service));
  }

  /** The services built from this repository, by name, with the module each image is built from. */
  Map<String, String> applications() {
    Map<String, String> applications = new LinkedHashMap<>();
    services()
        .forEach(
            (service, definition) -> {
              Object module = buildArgs(definition).get("SERVICE");
              if (module != null) {
                applications.put(service, module.toString());
              }
            });
    return applications;
  }

  /**
   * The build arguments of a service, in either syntax ({@code KEY: value} or {@code KEY=value}).
   */
  static Map<String, String> buildArgs(Map<String, Object> service) {
    Map<String, String> args = new LinkedHashMap<>();
    Object raw = asMap(service.get("build")).get("args");
    if (raw instanceof Map<?, ?> map) {
      map.forEach((key, value) -> args.put(key.toString(), String.valueOf(value)));
    } else if (raw instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = entry.toString().split("=", 2);
        args.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return args;
  }

  /** The environment of a service, in either syntax ({@code KEY: value} or {@code KEY=value}). */
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> map) {
      map.forEach((key, value) -> environment.put(key.toString(), String.valueOf(value)));
    } else if (raw instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = entry.toString().split("=", 2);
        environment.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return environment;
  }

  /** The services a service waits for, with their condition (null in the short syntax). */
  static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> dependencies = new LinkedHashMap<>();
    Object raw = service.get("depends_on");
    if (raw instanceof Map<?, ?> map) {
      map.forEach(
          (name, options) ->
              dependencies.put(name.toString(), (String) asMap(options).get("condition")));
    } else if (raw instanceof List<?> list) {
      list.forEach(name -> dependencies.put(name.toString(), null));
    }
    return dependencies;
  }

  /** The networks a service joins, in either syntax. */
  static List<String> networks(Map<String, Object> service) {
    Object raw = service.get("networks");
    if (raw instanceof Map<?, ?> map) {
      return map.keySet().stream().map(Object::toString).toList();
    }
    if (raw instanceof List<?> list) {
      return list.stream().map(Object::toString).toList();
    }
    return List.of();
  }

  /** The host side of each bind mount ({@code ./x:/y[:ro]} or {@code type: bind}). */
  static List<String> bindSources(Map<String, Object> service) {
    List<String> sources = new ArrayList<>();
    if (service.get("volumes") instanceof List<?> volumes) {
      for (Object volume : volumes) {
        if (volume instanceof Map<?, ?> longSyntax) {
          if ("bind".equals(longSyntax.get("type"))) {
            sources.add(longSyntax.get("source").toString());
          }
        } else {
          String source = volume.toString().split(":", 2)[0];
          if (source.startsWith(".") || source.startsWith("/")) {
            sources.add(source);
          }
        }
      }
    }
    return sources;
  }

  @SuppressWarnings("unchecked")
  static <V> Map<String, V> asMap(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, V>) map : Map.of();
  }
}
