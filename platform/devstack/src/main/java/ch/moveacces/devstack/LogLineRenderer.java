package ch.moveacces.devstack;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the applications' one-JSON-object-per-line logs into lines a person can read: time, level,
 * logger's short name, message, trace id, then the stack trace if any. Knows Spring Boot's ECS
 * (flat and nested) and Logstash formats; a line that is not a JSON log event passes unchanged.
 */
final class LogLineRenderer {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final boolean raw;
  private final boolean colour;
  private final ZoneId zone;
  private final JsonMapper json = JsonMapper.builder().build();

  LogLineRenderer(boolean raw, boolean colour, ZoneId zone) {
    this.raw = raw;
    this.colour = colour;
    this.zone = zone;
  }

  /** One line of output becomes one or more lines on the screen. */
  List<String> render(String line) {
    if (raw || !line.startsWith("{")) {
      return List.of(line);
    }
    JsonNode event;
    try {
      event = json.readTree(line);
    } catch (JacksonException e) {
      return List.of(line);
    }
    String message = text(event, "message", "msg");
    String level = text(event, "log.level", "level", "severity");
    if (message == null || level == null) {
      return List.of(line);
    }
    List<String> lines = new ArrayList<>();
    List<String> messageLines = message.strip().lines().toList();
    lines.add(
        headline(
            event,
            level.toUpperCase(Locale.ROOT),
            messageLines.isEmpty() ? "" : messageLines.get(0)));
    lines.addAll(messageLines.subList(Math.min(1, messageLines.size()), messageLines.size()));
    String stackTrace = text(event, "error.stack_trace", "stack_trace");
    if (stackTrace != null) {
      stackTrace.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(dim(l)));
    } else {
      String errorType = text(event, "error.type");
      if (errorType != null) {
        String errorMessage = text(event, "error.message");
        lines.add(dim(errorMessage == null ? errorType : errorType + ": " + errorMessage));
      }
    }
    return lines;
  }

  private String headline(JsonNode event, String level, String message) {
    StringBuilder line = new StringBuilder();
    String time = time(text(event, "@timestamp", "timestamp"));
    if (time != null) {
      line.append(dim(time)).append(' ');
    }
    line.append(paintLevel(level)).append(' ');
    String logger = text(event, "log.logger", "logger_name", "logger");
    if (logger != null) {
      line.append(dim(logger.substring(logger.lastIndexOf('.') + 1))).append(' ');
    }
    line.append(message);
    String traceId = text(event, "traceId", "trace.id", "trace_id");
    if (traceId != null) {
      line.append(' ').append(dim("trace=" + traceId));
    }
    return line.toString();
  }

  /** The first field present, either flat ({@code "log.level"}) or nested ({@code log.level}). */
  private static String text(JsonNode event, String... names) {
    for (String name : names) {
      JsonNode node = event.get(name);
      if (node == null) {
        node = event;
        for (String part : name.split("\\.")) {
          node = node == null ? null : node.get(part);
        }
      }
      if (node != null && node.isValueNode() && !node.isNull()) {
        return node.asString();
      }
    }
    return null;
  }

  private String time(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return TIME.format(OffsetDateTime.parse(timestamp).atZoneSameInstant(zone));
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  private String paintLevel(String level) {
    String padded = String.format("%-5s", level);
    if (!colour) {
      return padded;
    }
    return switch (level) {
      case "ERROR", "FATAL" -> RED + padded + RESET;
      case "WARN", "WARNING" -> YELLOW + padded + RESET;
      case "DEBUG", "TRACE" -> DIM + padded + RESET;
      default -> padded;
    };
  }

  private String dim(String text) {
    return colour ? DIM + text + RESET : text;
  }
}
