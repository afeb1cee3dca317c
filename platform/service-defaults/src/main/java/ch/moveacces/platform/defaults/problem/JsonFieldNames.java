package ch.moveacces.platform.defaults.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The JSON name of a Java property of a request body (its {@code @JsonProperty}, its class's
 * {@code @JsonNaming}, or the mapper's naming strategy), so that a validation error names the field
 * as the client sent it.
 */
final class JsonFieldNames {

  private final @Nullable PropertyNamingStrategy mapperStrategy;

  JsonFieldNames(@Nullable PropertyNamingStrategy mapperStrategy) {
    this.mapperStrategy = mapperStrategy;
  }

  String of(@Nullable Class<?> type, String javaPath) {
    StringBuilder json = new StringBuilder();
    Class<?> current = type;
    for (String segment : javaPath.split("\\.")) {
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket);
      String suffix = bracket < 0 ? "" : segment.substring(bracket);
      if (!json.isEmpty()) {
        json.append('.');
      }
      json.append(current == null ? name : jsonName(current, name)).append(suffix);
      current = current == null ? null : propertyType(current, name, !suffix.isEmpty());
    }
    return json.toString();
  }

  private String jsonName(Class<?> type, String name) {
    JsonProperty property = annotation(type, name);
    if (property != null && !property.value().isEmpty()) {
      return property.value();
    }
    JsonNaming naming = type.getAnnotation(JsonNaming.class);
    PropertyNamingStrategy strategy = naming != null ? instantiate(naming) : mapperStrategy;
    if (strategy instanceof PropertyNamingStrategies.NamingBase base) {
      return base.nameForField(null, null, name);
    }
    return name;
  }

  private static @Nullable JsonProperty annotation(Class<?> type, String name) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(name)) {
          return component.getAnnotation(JsonProperty.class);
        }
      }
    }
    Field field = field(type, name);
    return field != null ? field.getAnnotation(JsonProperty.class) : null;
  }

  private static @Nullable Class<?> propertyType(Class<?> type, String name, boolean indexed) {
    Field field = field(type, name);
    if (field == null || indexed) {
      // Element types of collections are erased; deeper names stay as Java wrote them.
      return null;
    }
    return field.getType();
  }

  private static @Nullable Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    return null;
  }

  private static @Nullable PropertyNamingStrategy instantiate(JsonNaming naming) {
    try {
      return naming.value().getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException unusable) {
      return null;
    }
  }
}
