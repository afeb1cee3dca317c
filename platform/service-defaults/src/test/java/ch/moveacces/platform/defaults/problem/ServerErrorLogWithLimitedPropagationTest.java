package ch.moveacces.platform.defaults.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.moveacces.platform.defaults.TinyService;
import ch.moveacces.platform.defaults.tracing.TraceIdResponseHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that restores thread locals only where asked (as the gateway, profile-service and
 * realtime-service do) still logs a server error with the trace id of its request, although the
 * error reached the handler on a thread that never carried the request's context.
 */
@SpringBootTest(
    classes = TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=tiny-service",
      "spring.reactor.context-propagation=limited"
    })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorLogWithLimitedPropagationTest {

  @Autowired WebTestClient client;

  @Test
  void logsAFailureOfAnotherThreadWithTheRequestsTraceId(CapturedOutput output) {
    String traceId =
        client
            .get()
            .uri("/broken-later")
            .exchange()
            .expectStatus()
            .isEqualTo(500)
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst(TraceIdResponseHeader.NAME);

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(output.getOut().lines())
        .filteredOn(line -> line.contains("GET /broken-later failed with 500"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"traceId\":\"" + traceId + "\""));
  }
}
