package ch.moveacces.testkit.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An OpenAPI document (JSON), as swagger-parser reads it and in a canonical text form. */
public final class ApiDocument {

  /** Lists whose order springdoc does not keep from one build to the next (it collects sets). */
  private static final Set<String> UNORDERED = Set.of("tags", "required");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two spaces and a line feed on every system, so that the committed text is the same. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private final JsonNode tree;
  private final SwaggerParseResult parsed;

  private ApiDocument(JsonNode tree, SwaggerParseResult parsed) {
    this.tree = tree;
    this.parsed = parsed;
  }

  public static ApiDocument of(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      return new ApiDocument(tree, new OpenAPIV3Parser().readContents(json, null, null));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a JSON document: " + e.getOriginalMessage(), e);
    }
  }

  /** What swagger-parser found wrong with the document; none for a valid one. */
  public List<String> parserMessages() {
    return parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
  }

  /** What {@link ApiDocumentRules} find missing; none for a well described API. */
  public List<String> ruleViolations() {
    OpenAPI api = parsed.getOpenAPI();
    return api == null ? List.of("swagger-parser read no document") : ApiDocumentRules.check(api);
  }

  /**
   * Pretty-printed with every object's keys sorted and the lists that carry no order sorted, so
   * that two documents of the same API are the same text, and a change is a readable diff.
   */
  public String canonicalText() {
    try {
      return JSON.writer(PRETTY).writeValueAsString(canonical(tree, "")) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode canonical(JsonNode node, String name) {
    if (node instanceof ObjectNode object) {
      ObjectNode sorted = JSON.createObjectNode();
      TreeSet<String> keys = new TreeSet<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        sorted.set(key, canonical(object.get(key), key));
      }
      return sorted;
    }
    if (node instanceof ArrayNode array) {
      List<JsonNode> items = new ArrayList<>();
      array.forEach(item -> items.add(canonical(item, "")));
      if (UNORDERED.contains(name)) {
        items.sort(Comparator.comparing(ApiDocument::sortKey));
      }
      ArrayNode canonical = JSON.createArrayNode();
      items.forEach(canonical::add);
      return canonical;
    }
    return node;
  }

  /** A tag object sorts by its name, anything else by its text. */
  private static String sortKey(JsonNode item) {
    return item.has("name") ? item.get("name").asText() : item.toString();
  }
}
