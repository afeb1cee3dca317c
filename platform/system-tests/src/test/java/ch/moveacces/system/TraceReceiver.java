package ch.moveacces.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver in the test JVM, standing in for Jaeger: the applications export
 * their spans to it ({@code POST /v1/traces}, protobuf) and the tests read them back by trace id.
 */
final class TraceReceiver implements AutoCloseable {

  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

  private TraceReceiver(HttpServer server, ExecutorService handlers) {
    this.server = server;
    this.handlers = handlers;
  }

  static TraceReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    ExecutorService handlers = Executors.newFixedThreadPool(2);
    TraceReceiver receiver = new TraceReceiver(server, handlers);
    server.createContext("/v1/traces", receiver::receive);
    server.setExecutor(handlers);
    server.start();
    return receiver;
  }

  /** The base URL to give as the OTLP endpoint: spans arrive at its {@code /v1/traces}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<ReceivedSpan> spansOf(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  /** The {@code service.name} of every application that reported a span of the trace. */
  Set<String> servicesIn(String traceId) {
    return spansOf(traceId).stream().map(ReceivedSpan::service).collect(Collectors.toSet());
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      ExportTraceServiceRequest request;
      try (InputStream body = decoded(exchange)) {
        request = ExportTraceServiceRequest.parseFrom(body);
      }
      for (ResourceSpans resource : request.getResourceSpansList()) {
        String service = serviceName(resource.getResource().getAttributesList());
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          for (Span span : scope.getSpansList()) {
            spans.add(ReceivedSpan.of(service, span));
          }
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  private static InputStream decoded(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    InputStream body = exchange.getRequestBody();
    return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
  }

  private static String serviceName(List<KeyValue> attributes) {
    return attributes.stream()
        .filter(attribute -> attribute.getKey().equals("service.name"))
        .map(attribute -> attribute.getValue().getStringValue())
        .findFirst()
        .orElse("");
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  /** One span as an application reported it: which service, which trace, what it was. */
  record ReceivedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind) {

    static ReceivedSpan of(String service, Span span) {
      return new ReceivedSpan(
          service,
          HEX.formatHex(span.getTraceId().toByteArray()),
          HEX.formatHex(span.getSpanId().toByteArray()),
          HEX.formatHex(span.getParentSpanId().toByteArray()),
          span.getName(),
          span.getKind().name());
    }
  }
}
