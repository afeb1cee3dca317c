package ch.moveacces.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How the applications' log lines are rendered on the console. */
class LogLineRendererTest {

  private final LogLineRenderer renderer = new LogLineRenderer(false, false, ZoneOffset.UTC);

  @Test
  void rendersNestedEcsEventAsTimeLevelLoggerAndMessage() {
    String line =
        """
        {"@timestamp":"2026-11-24T10:15:00.067462556Z","log":{"level":"INFO","logger":"ch.moveacces.auth.AuthApplication"},"process":{"pid":39599,"thread":{"name":"main"}},"service":{"name":"auth-service"},"message":"Started AuthApplication in 12.3 seconds","ecs":{"version":"8.11"}}""";

    assertThat(renderer.render(line))
        .containsExactly(
            "10:15:00.067 INFO  AuthApplication Started AuthApplication in 12.3 seconds");
  }

  @Test
  void rendersFlatEcsEventWithItsTraceId() {
    String line =
        """
        {"@timestamp":"2026-11-24T10:15:00.5Z","log.level":"WARN","log.logger":"ch.moveacces.auth.login.LoginHandler","message":"login refused","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7"}""";

    assertThat(renderer.render(line))
        .containsExactly(
            "10:15:00.500 WARN  LoginHandler login refused trace=4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void showsTheStackTraceOfAnErrorBelowItsLine() {
    String line =
        """
        {"@timestamp":"2026-11-24T10:15:01Z","log":{"level":"ERROR","logger":"ch.moveacces.audit.AuditConsumer"},"message":"cannot store event","error":{"type":"java.lang.IllegalStateException","message":"kaputt","stack_trace":"java.lang.IllegalStateException: kaputt\\n\\tat ch.moveacces.audit.AuditConsumer.on(AuditConsumer.java:42)\\n"}}""";

    assertThat(renderer.render(line))
        .containsExactly(
            "10:15:01.000 ERROR AuditConsumer cannot store event",
            "java.lang.IllegalStateException: kaputt",
            "\tat ch.moveacces.audit.AuditConsumer.on(AuditConsumer.java:42)");
  }

  @Test
  void showsTheErrorTypeAndMessageWhenThereIsNoStackTrace() {
    String line =
        """
        {"@timestamp":"2026-11-24T10:15:01Z","log.level":"ERROR","log.logger":"x.Y","message":"failed","error.type":"java.io.IOException","error.message":"closed"}""";

    assertThat(renderer.render(line))
        .containsExactly("10:15:01.000 ERROR Y failed", "java.io.IOException: closed");
  }

  @Test
  void keepsEachLineOfAMultiLineMessage() {
    String line =
        """
        {"@timestamp":"2026-11-24T10:15:01Z","log.level":"ERROR","log.logger":"x.Reporter","message":"\\n\\nAPPLICATION FAILED TO START\\n\\nPort 8081 was already in use."}""";

    assertThat(renderer.render(line))
        .containsExactly(
            "10:15:01.000 ERROR Reporter APPLICATION FAILED TO START",
            "",
            "Port 8081 was already in use.");
  }

  @Test
  void rendersLogstashEvents() {
    String line =
        """
        {"@timestamp":"2026-11-24T11:15:00.1+01:00","@version":"1","message":"hello","logger_name":"a.b.Greeter","thread_name":"main","level":"DEBUG","level_value":10000}""";

    assertThat(renderer.render(line)).containsExactly("10:15:00.100 DEBUG Greeter hello");
  }

  @Test
  void passesLinesThatAreNotJsonLogEventsThrough() {
    assertThat(renderer.render("  .   ____          _            __ _ _"))
        .containsExactly("  .   ____          _            __ _ _");
    assertThat(renderer.render("{not json")).containsExactly("{not json");
    assertThat(renderer.render("{\"status\":\"UP\"}")).containsExactly("{\"status\":\"UP\"}");
  }

  @Test
  void printsJsonAsItIsWhenAskedTo() {
    String line =
        "{\"@timestamp\":\"2026-11-24T10:15:00Z\",\"log.level\":\"INFO\",\"message\":\"m\"}";

    assertThat(new LogLineRenderer(true, false, ZoneOffset.UTC).render(line)).containsExactly(line);
  }

  @Test
  void coloursErrorsOnATerminal() {
    String line = "{\"log.level\":\"ERROR\",\"message\":\"m\"}";

    assertThat(new LogLineRenderer(false, true, ZoneOffset.UTC).render(line))
        .singleElement()
        .asString()
        .contains("\u001b[31mERROR\u001b[0m");
  }
}
