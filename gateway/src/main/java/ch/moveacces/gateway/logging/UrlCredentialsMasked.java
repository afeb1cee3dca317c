package ch.moveacces.gateway.logging;

import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks the value of every {@code ticket}, {@code token} (and {@code access_token}, …) query
 * parameter in every log line ({@code logging.structured.json.customizer}). A WebSocket client
 * cannot send headers, so {@code /ws} takes its ticket or token in the URL, and the gateway
 * forwards that URL unchanged; but WebFlux, Spring Cloud Gateway and Reactor Netty's client each
 * log the URL with its query at DEBUG. Masking the written line covers every logger, today's and
 * tomorrow's, where keeping the query from each of them would miss the next one.
 */
public class UrlCredentialsMasked implements StructuredLoggingJsonMembersCustomizer<Object> {

  static final String MASK = "[masked]";

  private static final Pattern CREDENTIAL =
      // up to what ends a URL or a query value in a log line; no ticket or token holds one of these
      Pattern.compile("(?i)\\b([a-z_]*(?:ticket|token))=[^&#\\s\"',;)\\]}>]+");

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(ValueProcessor.of(String.class, UrlCredentialsMasked::mask));
  }

  static String mask(String value) {
    if (value.indexOf('=') < 0) {
      return value;
    }
    return CREDENTIAL.matcher(value).replaceAll("$1=" + MASK);
  }
}
