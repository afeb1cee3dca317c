package ch.moveacces.gateway.logging;

import ch.moveacces.platform.token.RefreshCookie;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks the web app's refresh cookie ({@code moveacces_refresh=…}, in {@code Cookie} and {@code
 * Set-Cookie} alike) and bearer tokens in every log line ({@code
 * logging.structured.json.customizer}). Spring Cloud Gateway's header observation logs every
 * request header, those two included, at DEBUG; as with {@link UrlCredentialsMasked}, masking the
 * written line also covers the loggers nobody has found yet.
 */
public class HeaderCredentialsMasked implements StructuredLoggingJsonMembersCustomizer<Object> {

  static final String MASK = "[masked]";

  static final String COOKIE_NAME = RefreshCookie.NAME;

  // a cookie value ends at ';' (attributes), ',' or whitespace (the next header), or a quote
  private static final Pattern REFRESH_COOKIE =
      Pattern.compile("\\b" + COOKIE_NAME + "=[^;,&\\s\"'()\\[\\]{}<>\\\\]+");
  // RFC 6750's token68; at least 20 characters, so that "Bearer error=..." stays readable
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(Bearer)\\s+[A-Za-z0-9\\-._~+/]{20,}=*");

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(ValueProcessor.of(String.class, HeaderCredentialsMasked::mask));
  }

  static String mask(String value) {
    String masked = value;
    // cheap tests first: this runs on every string of every log line
    if (masked.contains(COOKIE_NAME + "=")) {
      masked = REFRESH_COOKIE.matcher(masked).replaceAll(COOKIE_NAME + "=" + MASK);
    }
    if (masked.contains("earer")) {
      masked = BEARER.matcher(masked).replaceAll("$1 " + MASK);
    }
    return masked;
  }
}
