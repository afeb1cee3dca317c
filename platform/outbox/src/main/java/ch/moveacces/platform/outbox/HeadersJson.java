package ch.moveacces.platform.outbox;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Record headers as a JSON object of strings, the form they are stored in. */
final class HeadersJson {

  // Its own mapper: the stored form must not change with an application's Jackson settings.
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private HeadersJson() {}

  static String write(Map<String, String> headers) {
    return JSON.writeValueAsString(headers);
  }

  static Map<String, String> read(String json) {
    return json.isBlank() ? Map.of() : JSON.readValue(json, MAP);
  }
}
