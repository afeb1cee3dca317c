package ch.moveacces.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Many authenticated WebSockets on one realtime-service instance (directly, or through the
 * gateway), then one event per member per second fanned out to all of them: connect rate, memory
 * per socket (RSS delta of the process that holds them), idle CPU, delivery latency from the
 * event's own time to its arrival at the socket, and the connection gauge back at its baseline once
 * they are closed. A plain main on Netty rather than a Gatling simulation: ten thousand virtual
 * users holding sockets cost Gatling far more memory and CPU than the service under test, on the
 * same two cores, and what is measured here is pushed messages, not request and response.
 *
 * <p>Events are produced straight to Kafka (schema-valid {@code profile-updated} events, time =
 * now), so that the latency is the push path's alone: Kafka, the consumer, Redis's stream and
 * channel, the socket. Every bound (sockets, seconds, waits) is finite: the run stops by itself.
 */
public final class RealtimeSockets {

  private static final String TOPIC = "profile.events.v1";
  private static final String TYPE = "ch.moveacces.profile.profile-updated.v1";
  private static final DateTimeFormatter EVENT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
  private static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
  private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"(\\d+)\"");
  private static final Pattern GAUGE =
      Pattern.compile("(?m)^realtime_connections(?:\\{[^}]*})?\\s+([0-9.eE+-]+)$");
  private static final Pattern HEAP_USED =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+-]+)$");
  private static final Pattern COUNTER =
      Pattern.compile(
          "(?m)^(realtime_closes_total|realtime_messages_dropped_total)(\\{[^}]*})?"
              + "\\s+([0-9.eE+-]+)$");
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Settings settings;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final EventLoopGroup loops;
  private final Bootstrap bootstrap;

  private final List<Socket> sockets = new ArrayList<>();
  private final ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, AtomicInteger> serverCloses = new ConcurrentHashMap<>();
  private final AtomicInteger ready = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger minExpiresIn = new AtomicInteger(Integer.MAX_VALUE);
  private final AtomicLong lastReadyNanos = new AtomicLong();
  private AtomicIntegerArray openPerMember;
  private final AtomicLongArray connectMillis;

  private volatile boolean closing;
  private volatile long measuredFromMicros = Long.MAX_VALUE;
  private volatile long measuredToMicros = Long.MAX_VALUE;
  private final AtomicLong expected = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong deliveredOutside = new AtomicLong();
  private LatencyLog latencies;

  private RealtimeSockets(Settings settings) {
    this.settings = settings;
    this.loops = new MultiThreadIoEventLoopGroup(settings.threads, NioIoHandler.newFactory());
    this.bootstrap =
        new Bootstrap()
            .group(loops)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    this.connectMillis = new AtomicLongArray(settings.sockets);
    for (int i = 0; i < settings.sockets; i++) {
      connectMillis.set(i, -1);
    }
  }

  public static void main(String[] args) throws Exception {
    // Without a configuration logback logs at DEBUG: Kafka's producer alone would then write
    // lines for every batch, on the cores being measured.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Settings settings = Settings.fromSystemProperties();
    RealtimeSockets run = new RealtimeSockets(settings);
    try {
      run.run();
    } finally {
      run.loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
      run.http.close();
    }
  }

  private void run() throws Exception {
    Settings s = settings;
    Report report = new Report();
    report.line(
        String.format(
            Locale.ROOT,
            "%,d sockets %s (%s), %d members × %d sockets, %d in flight while connecting,"
                + " %d source address(es)",
            s.sockets,
            s.viaGateway ? "through the gateway" : "direct to realtime-service",
            s.socketBase,
            s.members,
            s.socketsPerMember(),
            s.concurrency,
            s.sourceAddresses));
    report.line("load average at start: " + loadAverage());

    BenchUsers users = new BenchUsers();
    long prepareStart = System.nanoTime();
    // straight to auth-service: signing members in is not what is measured, and on a loaded box
    // two Argon2id hashes may outlast the gateway's route time limit
    users.prepare(s.auth, s.members);
    List<String> tokens = users.tokens();
    List<String> userIds = tokens.stream().map(RealtimeSockets::userId).toList();
    System.out.printf(
        Locale.ROOT,
        "%d members registered and signed in in %.1f s%n",
        s.members,
        seconds(System.nanoTime() - prepareStart));
    openPerMember = new AtomicIntegerArray(s.members);

    Probe realtime = new Probe("realtime-service", s.realtimePid);
    Probe gateway = s.gatewayPid > 0 ? new Probe("gateway", s.gatewayPid) : null;
    Probe client = new Probe("this client", ProcessHandle.current().pid());
    List<Probe> servers = gateway == null ? List.of(realtime) : List.of(realtime, gateway);

    // Baseline after a full GC, so that the garbage of start-up does not count against sockets.
    double baselineGauge = gauge();
    for (Probe probe : servers) {
      probe.fullGc();
    }
    Thread.sleep(2_000);
    Map<Probe, Long> rssBefore = rss(servers);
    double heapBefore = heapUsed();

    // Connect
    long connectStart = System.nanoTime();
    connectAll(tokens);
    long connectNanos = Math.max(1, lastReadyNanos.get() - connectStart);
    int readyCount = ready.get();
    report.line("load average after connecting: " + loadAverage());
    report.line(
        String.format(
            Locale.ROOT,
            "connect: %,d of %,d ready in %.1f s -> %.0f sockets/s (ticket + upgrade + ready);"
                + " per socket p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; failures: %s",
            readyCount,
            s.sockets,
            seconds(connectNanos),
            readyCount / Math.max(0.001, seconds(connectNanos)),
            connectPercentile(50),
            connectPercentile(95),
            connectPercentile(99),
            connectPercentile(100),
            failures.isEmpty() ? "none" : new TreeMap<>(counts(failures))));
    double gaugeOpen = gauge();
    report.line(
        String.format(
            Locale.ROOT,
            "realtime_connections: %.0f before, %.0f with the sockets open",
            baselineGauge,
            gaugeOpen));
    if (minExpiresIn.get() != Integer.MAX_VALUE) {
      report.line("shortest token life left at ready: " + minExpiresIn.get() + " s");
    }

    // Memory
    Map<Probe, Long> rssOpen = rss(servers);
    for (Probe probe : servers) {
      probe.fullGc();
    }
    Thread.sleep(2_000);
    Map<Probe, Long> rssOpenAfterGc = rss(servers);
    double heapOpen = heapUsed();
    int held = Math.max(1, readyCount);
    for (Probe probe : servers) {
      long deltaKb = rssOpen.get(probe) - rssBefore.get(probe);
      long deltaAfterGcKb = rssOpenAfterGc.get(probe) - rssBefore.get(probe);
      report.line(
          String.format(
              Locale.ROOT,
              "memory %s: RSS %,d kB before -> %,d kB open (%,d kB after a full GC):"
                  + " %.1f kB per socket (%.1f after GC; target <= 30: %s)",
              probe.name,
              rssBefore.get(probe),
              rssOpen.get(probe),
              rssOpenAfterGc.get(probe),
              deltaKb / (double) held,
              deltaAfterGcKb / (double) held,
              deltaKb / (double) held <= 30 ? "met" : "NOT met"));
    }
    if (heapBefore >= 0 && heapOpen >= 0) {
      report.line(
          String.format(
              Locale.ROOT,
              "heap used by realtime-service after a full GC: %.1f MB -> %.1f MB, %.1f kB per"
                  + " socket",
              heapBefore / 1e6,
              heapOpen / 1e6,
              (heapOpen - heapBefore) / 1000.0 / held));
    }

    // Idle CPU: every socket open, nothing sent but the server's pings (one per 25 s each)
    List<Probe> probed = new ArrayList<>(servers);
    probed.add(client);
    Map<Probe, Long> idleStart = ticks(probed);
    long idleStartNanos = System.nanoTime();
    Thread.sleep(s.idleSeconds * 1000L);
    report.line(
        String.format(
            Locale.ROOT,
            "idle CPU over %d s with %,d sockets open: %s; load average %s",
            s.idleSeconds,
            open.get(),
            cpu(probed, idleStart, System.nanoTime() - idleStartNanos),
            loadAverage()));

    // Fan-out
    latencies = new LatencyLog((long) s.members * s.socketsPerMember() * (s.seconds + 2) + 1_000);
    Map<Probe, Long> fanOutStart = ticks(probed);
    long fanOutStartNanos = System.nanoTime();
    Map<String, Double> countersBefore = counters();
    long produced = produceEvents(userIds);
    long fanOutNanos = System.nanoTime() - fanOutStartNanos;
    String fanOutCpu = cpu(probed, fanOutStart, fanOutNanos);
    long deadline = System.nanoTime() + Duration.ofSeconds(s.drainSeconds).toNanos();
    while (delivered.get() < expected.get() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    long[] sorted = latencies.sorted();
    report.line(
        String.format(
            Locale.ROOT,
            "fan-out: %,d events in %d s (%d members × 1/s, after %d s of warm-up), each to its"
                + " member's %d sockets: delivered %,d of %,d expected (%,d missing)",
            produced,
            s.seconds,
            s.members,
            s.warmUpSeconds,
            s.socketsPerMember(),
            delivered.get(),
            expected.get(),
            expected.get() - delivered.get()));
    report.line(
        String.format(
            Locale.ROOT,
            "fan-out latency (event time -> frame read by the client) over %,d deliveries:"
                + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 100: %s)",
            sorted.length,
            percentile(sorted, 50) / 1000.0,
            percentile(sorted, 95) / 1000.0,
            percentile(sorted, 99) / 1000.0,
            percentile(sorted, 100) / 1000.0,
            percentile(sorted, 99) <= 100_000 ? "met" : "NOT met"));
    report.line(
        String.format(
            Locale.ROOT,
            "CPU during fan-out (%d s, %,d frames/s): %s; load average %s",
            s.warmUpSeconds + s.seconds,
            (long) s.members * s.socketsPerMember(),
            fanOutCpu,
            loadAverage()));
    Map<Probe, Long> rssFanOut = rss(servers);
    report.line(
        "RSS after fan-out: "
            + servers.stream()
                .map(p -> String.format(Locale.ROOT, "%s %,d kB", p.name, rssFanOut.get(p)))
                .toList());
    report.line(
        "server-side counters during fan-out (delta): " + delta(countersBefore, counters()));

    // Close every socket and wait for the gauge
    report.line(
        "closed by the server while open: "
            + (serverCloses.isEmpty() ? "none" : new TreeMap<>(counts(serverCloses))));
    long closeStart = System.nanoTime();
    closing = true;
    for (Socket socket : sockets) {
      socket.close();
    }
    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (open.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long closedNanos = System.nanoTime() - closeStart;
    double gaugeAfter = gauge();
    deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (gaugeAfter > baselineGauge && System.nanoTime() < deadline) {
      Thread.sleep(200);
      gaugeAfter = gauge();
    }
    long gaugeNanos = System.nanoTime() - closeStart;
    report.line(
        String.format(
            Locale.ROOT,
            "close: %,d still open %.1f s after closing all; realtime_connections %.0f after"
                + " %.1f s (baseline %.0f: %s)",
            open.get(),
            seconds(closedNanos),
            gaugeAfter,
            seconds(gaugeNanos),
            baselineGauge,
            gaugeAfter == baselineGauge ? "back to baseline" : "NOT back to baseline"));
    report.line("load average at the end: " + loadAverage());
    report.print(
        String.format(
            Locale.ROOT,
            "==== realtime: %,d sockets %s ====",
            s.sockets,
            s.viaGateway ? "through the gateway" : "direct"));
  }

  // --- connecting

  private void connectAll(List<String> tokens) throws InterruptedException {
    Semaphore inFlight = new Semaphore(settings.concurrency);
    long deadline =
        System.nanoTime() + Duration.ofSeconds(settings.connectTimeoutSeconds).toNanos();
    for (int i = 0; i < settings.sockets; i++) {
      if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        failures.computeIfAbsent("not started in time", k -> new AtomicInteger()).incrementAndGet();
        continue;
      }
      int member = i % settings.members;
      Socket socket = new Socket(i, member, inFlight);
      sockets.add(socket);
      ticket(tokens.get(member))
          .whenComplete(
              (ticket, error) -> {
                if (error != null) {
                  socket.fail("ticket: " + rootCause(error));
                } else {
                  socket.connect(ticket);
                }
              });
    }
    // all started: wait for the last ones to be ready or to fail
    inFlight.tryAcquire(
        settings.concurrency,
        Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(30),
        TimeUnit.NANOSECONDS);
  }

  private java.util.concurrent.CompletableFuture<String> ticket(String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.ticketBase + "/realtime/ticket"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              Matcher ticket = TICKET.matcher(response.body());
              if (response.statusCode() != 200 || !ticket.find()) {
                throw new IllegalStateException("status " + response.statusCode());
              }
              return ticket.group(1);
            });
  }

  /** One client socket: connects with a ticket, waits for {@code ready}, then reads events. */
  private final class Socket extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final int index;
    private final int member;
    private final Semaphore inFlight;
    private final long startNanos = System.nanoTime();
    private volatile Channel channel;
    private volatile boolean isReady;
    private volatile boolean done;
    private volatile int closeCode = -1;

    Socket(int index, int member, Semaphore inFlight) {
      this.index = index;
      this.member = member;
      this.inFlight = inFlight;
    }

    void connect(String ticket) {
      URI uri = URI.create(settings.socketBase + "/ws?ticket=" + ticket);
      Socket handler = this;
      Bootstrap b =
          bootstrap
              .clone()
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(
                              new HttpClientCodec(),
                              new HttpObjectAggregator(16 * 1024),
                              new WebSocketClientProtocolHandler(
                                  WebSocketClientProtocolConfig.newBuilder()
                                      .webSocketUri(uri)
                                      .handleCloseFrames(false)
                                      .handshakeTimeoutMillis(30_000)
                                      .maxFramePayloadLength(64 * 1024)
                                      .build()),
                              handler);
                    }
                  });
      InetSocketAddress remote = new InetSocketAddress(uri.getHost(), uri.getPort());
      var future =
          settings.sourceAddresses > 1
              ? b.connect(
                  remote,
                  new InetSocketAddress("127.0.0." + (1 + index % settings.sourceAddresses), 0))
              : b.connect(remote);
      channel = future.channel();
      future.addListener(
          f -> {
            if (!f.isSuccess()) {
              fail("connect: " + rootCause(f.cause()));
            }
          });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame text) {
        String message = text.text();
        if (!isReady) {
          if (message.contains("\"type\":\"ready\"")) {
            ready(message);
          }
          return;
        }
        Matcher time = TIME.matcher(message);
        if (time.find()) {
          event(time.group(1));
        }
      } else if (frame instanceof CloseWebSocketFrame close) {
        closeCode = close.statusCode();
        if (closing) {
          ctx.close();
        } else {
          ctx.writeAndFlush(new CloseWebSocketFrame(1000, null))
              .addListener(ChannelFutureListener.CLOSE);
        }
      }
    }

    private void ready(String message) {
      isReady = true;
      long now = System.nanoTime();
      lastReadyNanos.accumulateAndGet(now, Math::max);
      connectMillis.set(index, TimeUnit.NANOSECONDS.toMillis(now - startNanos));
      Matcher expiresIn = EXPIRES_IN.matcher(message);
      if (expiresIn.find()) {
        minExpiresIn.accumulateAndGet(Integer.parseInt(expiresIn.group(1)), Math::min);
      }
      ready.incrementAndGet();
      open.incrementAndGet();
      openPerMember.incrementAndGet(member);
      finish();
    }

    private void event(String time) {
      long received = micros(Instant.now());
      long sent = micros(Instant.parse(time));
      if (sent >= measuredFromMicros && sent < measuredToMicros) {
        delivered.incrementAndGet();
        latencies.add(received - sent);
      } else {
        deliveredOutside.incrementAndGet();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (isReady) {
        open.decrementAndGet();
        openPerMember.decrementAndGet(member);
        if (!closing) {
          serverCloses.computeIfAbsent(closeCode, k -> new AtomicInteger()).incrementAndGet();
        }
      } else {
        fail(closeCode > 0 ? "closed with " + closeCode + " before ready" : "closed before ready");
      }
      super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        fail("handshake timeout");
        ctx.close();
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (!isReady) {
        fail(rootCause(cause));
      }
      ctx.close();
    }

    void fail(String reason) {
      if (isReady || done) {
        return;
      }
      failures.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
      Channel c = channel;
      if (c != null) {
        c.close();
      }
      finish();
    }

    private synchronized void finish() {
      if (!done) {
        done = true;
        inFlight.release();
      }
    }

    void close() {
      Channel c = channel;
      if (c != null && c.isActive() && isReady) {
        c.writeAndFlush(new CloseWebSocketFrame(1000, null))
            .addListener(
                f ->
                    c.eventLoop()
                        .schedule(() -> c.close(), settings.closeGraceSeconds, TimeUnit.SECONDS));
      }
    }
  }

  private long connectPercentile(double percent) {
    long[] values = new long[connectMillis.length()];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      long v = connectMillis.get(i);
      if (v >= 0) {
        values[n++] = v;
      }
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return percentile(sorted, percent);
  }

  // --- events

  /**
   * One event per member per second, spread evenly over each second (member i at i/members s):
   * events of members arrive independently in real life, not all in the same millisecond.
   */
  private long produceEvents(List<String> userIds) throws InterruptedException {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Kafka 4 waits 5 ms by default to batch; the services' producers send at once
    config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "realtime-sockets-benchmark");
    AtomicLong sendErrors = new AtomicLong();
    AtomicLong produced = new AtomicLong();
    int members = userIds.size();
    long periodMicros = 1_000_000L / members;
    long warmUpTicks = (long) settings.warmUpSeconds * members;
    long totalTicks = warmUpTicks + (long) settings.seconds * members;
    AtomicLong tick = new AtomicLong();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.partitionsFor(TOPIC);
      var task =
          scheduler.scheduleAtFixedRate(
              () -> {
                long n = tick.getAndIncrement();
                if (n >= totalTicks) {
                  return;
                }
                int member = (int) (n % members);
                Instant now = Instant.now();
                if (n == warmUpTicks) {
                  measuredFromMicros = micros(now);
                }
                if (n >= warmUpTicks) {
                  produced.incrementAndGet();
                  expected.addAndGet(openPerMember.get(member));
                }
                String userId = userIds.get(member);
                producer.send(
                    new ProducerRecord<>(TOPIC, userId, event(userId, now)),
                    (metadata, error) -> {
                      if (error != null) {
                        sendErrors.incrementAndGet();
                      }
                    });
              },
              0,
              periodMicros,
              TimeUnit.MICROSECONDS);
      long deadline =
          System.nanoTime()
              + TimeUnit.SECONDS.toNanos(settings.warmUpSeconds + settings.seconds + 10);
      while (tick.get() < totalTicks && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      task.cancel(false);
      measuredToMicros = micros(Instant.now());
      producer.flush();
    } finally {
      scheduler.shutdownNow();
    }
    if (sendErrors.get() > 0) {
      System.out.println(sendErrors.get() + " events could not be sent to Kafka");
    }
    return produced.get();
  }

  private static String event(String userId, Instant time) {
    return "{\"id\":\""
        + UUID.randomUUID()
        + "\",\"source\":\"/benchmarks\",\"type\":\""
        + TYPE
        + "\",\"specversion\":\"1.0\",\"time\":\""
        + EVENT_TIME.format(time)
        + "\",\"subject\":\""
        + userId
        + "\",\"datacontenttype\":\"application/json\",\"data\":{\"changed_fields\":[\"localite\"]}}";
  }

  /** The user id ({@code sub}) of an access token, read without verifying it: it is our own. */
  private static String userId(String token) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    Matcher sub = SUBJECT.matcher(payload);
    if (!sub.find()) {
      throw new IllegalStateException("no numeric sub in an access token");
    }
    return sub.group(1);
  }

  // --- the server's side: metrics and /proc

  private String prometheus() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(settings.realtime + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private double gauge() {
    Matcher m = GAUGE.matcher(prometheus());
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private double heapUsed() {
    Matcher m = HEAP_USED.matcher(prometheus());
    double sum = 0;
    boolean any = false;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
      any = true;
    }
    return any ? sum : -1;
  }

  private Map<String, Double> counters() {
    Map<String, Double> values = new TreeMap<>();
    Matcher m = COUNTER.matcher(prometheus());
    while (m.find()) {
      values.put(
          m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
    }
    return values;
  }

  private static Map<String, Long> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Long> changed = new TreeMap<>();
    after.forEach(
        (name, value) -> {
          long d = Math.round(value - before.getOrDefault(name, 0.0));
          if (d != 0) {
            changed.put(name, d);
          }
        });
    return changed;
  }

  /** A process watched through /proc: resident memory and CPU time. */
  private record Probe(String name, long pid) {

    long rssKb() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException e) {
        // gone
      }
      return -1;
    }

    /** utime + stime, in clock ticks. */
    long cpuTicks() {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException e) {
        return -1;
      }
    }

    /** A full collection in the target JVM (jcmd), so that RSS and heap compare like with like. */
    void fullGc() throws InterruptedException {
      if (pid == ProcessHandle.current().pid()) {
        System.gc();
        return;
      }
      try {
        Process jcmd =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid),
                    "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
          jcmd.destroyForcibly();
        }
      } catch (IOException e) {
        System.out.println("no full GC in " + name + ": " + e.getMessage());
      }
    }
  }

  private static Map<Probe, Long> rss(List<Probe> probes) {
    Map<Probe, Long> values = new java.util.LinkedHashMap<>();
    probes.forEach(p -> values.put(p, p.rssKb()));
    return values;
  }

  private static Map<Probe, Long> ticks(List<Probe> probes) {
    Map<Probe, Long> values = new java.util.LinkedHashMap<>();
    probes.forEach(p -> values.put(p, p.cpuTicks()));
    return values;
  }

  private static String cpu(List<Probe> probes, Map<Probe, Long> start, long nanos) {
    List<String> parts = new ArrayList<>();
    for (Probe probe : probes) {
      double cpuSeconds = (probe.cpuTicks() - start.get(probe)) / (double) CLOCK_TICKS_PER_SECOND;
      parts.add(
          String.format(Locale.ROOT, "%s %.1f %%", probe.name, 100 * cpuSeconds / seconds(nanos)));
    }
    return String.join(", ", parts) + " (of one core)";
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }

  // --- small helpers

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static <K> Map<K, Integer> counts(Map<K, AtomicInteger> map) {
    Map<K, Integer> values = new java.util.HashMap<>();
    map.forEach((k, v) -> values.put(k, v.get()));
    return values;
  }

  private static String rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName()
        + (message == null
            ? ""
            // ports and addresses vary per socket; a status code is what tells failures apart
            : ": "
                + (message.matches("status \\d+") ? message : message.replaceAll("[0-9]+", "N")));
  }

  /** Latencies in microseconds, appended from the event loops without locking. */
  private static final class LatencyLog {

    private final long[] values;
    private final AtomicInteger size = new AtomicInteger();

    LatencyLog(long capacity) {
      values = new long[(int) Math.min(Integer.MAX_VALUE - 8, capacity)];
    }

    void add(long micros) {
      int i = size.getAndIncrement();
      if (i < values.length) {
        values[i] = micros;
      }
    }

    long[] sorted() {
      long[] copy = Arrays.copyOf(values, Math.min(size.get(), values.length));
      Arrays.sort(copy);
      return copy;
    }
  }

  /** The figures, printed together at the end under a banner. */
  private static final class Report {

    private final List<String> lines = new ArrayList<>();

    void line(String line) {
      System.out.println(line);
      lines.add(line);
    }

    void print(String banner) {
      System.out.println();
      System.out.println(banner);
      lines.forEach(System.out::println);
    }
  }

  /**
   * What to run against: {@code -Ddevstack=<data dir>/devstack.json} gives the addresses, pids and
   * Kafka; each may also be given alone ({@code -Drealtime=}, {@code -Dgateway=}, {@code
   * -DrealtimePid=}, {@code -DgatewayPid=}, {@code -Dkafka=}).
   */
  private record Settings(
      String gateway,
      String auth,
      String realtime,
      String kafka,
      long realtimePid,
      long gatewayPid,
      boolean viaGateway,
      String ticketBase,
      String socketBase,
      int sockets,
      int members,
      int concurrency,
      int sourceAddresses,
      int threads,
      int idleSeconds,
      int warmUpSeconds,
      int seconds,
      int drainSeconds,
      int connectTimeoutSeconds,
      int closeGraceSeconds) {

    int socketsPerMember() {
      return (sockets + members - 1) / members;
    }

    static Settings fromSystemProperties() throws IOException {
      String devstackFile = System.getProperty("devstack");
      String devstack = devstackFile == null ? "" : Files.readString(Path.of(devstackFile));
      String gateway = property("gateway", service(devstack, "gateway", "url"));
      String auth = property("auth", service(devstack, "auth-service", "url"));
      String realtime = property("realtime", service(devstack, "realtime-service", "url"));
      String kafka = property("kafka", kafka(devstack));
      long realtimePid =
          Long.parseLong(property("realtimePid", service(devstack, "realtime-service", "pid")));
      String gatewayPidValue =
          System.getProperty("gatewayPid", service(devstack, "gateway", "pid"));
      long gatewayPid = gatewayPidValue == null ? 0 : Long.parseLong(gatewayPidValue);
      boolean viaGateway = "gateway".equals(System.getProperty("via", "direct"));
      String base = viaGateway ? gateway : realtime;
      int sockets = Integer.getInteger("sockets", 10_000);
      int members = Integer.getInteger("members", 100);
      return new Settings(
          trim(gateway),
          trim(auth),
          trim(realtime),
          kafka,
          realtimePid,
          gatewayPid,
          viaGateway,
          trim(base),
          trim(base).replaceFirst("^http", "ws"),
          sockets,
          Math.min(members, sockets),
          Integer.getInteger("concurrency", 100),
          Integer.getInteger("sourceAddresses", 1),
          Integer.getInteger("threads", Runtime.getRuntime().availableProcessors()),
          Integer.getInteger("idleSeconds", 30),
          Integer.getInteger("warmUp", 10),
          Integer.getInteger("seconds", 60),
          Integer.getInteger("drainSeconds", 15),
          Integer.getInteger("connectTimeout", 300),
          Integer.getInteger("closeGrace", 5));
    }

    private static String property(String name, String fallback) {
      String value = System.getProperty(name, fallback);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(
            "-D"
                + name
                + " is missing: give -Ddevstack=<data dir>/devstack.json of a running devstack"
                + " (see platform/benchmarks/README.md)");
      }
      return value;
    }

    private static String service(String devstack, String name, String field) {
      Matcher body =
          Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\\{([^{}]*)}").matcher(devstack);
      if (!body.find()) {
        return null;
      }
      Matcher value =
          Pattern.compile("\"" + field + "\"\\s*:\\s*\"?([^\",}\\s]+)\"?").matcher(body.group(1));
      return value.find() ? value.group(1) : null;
    }

    private static String kafka(String devstack) {
      String host = service(devstack, "kafka", "host");
      String port = service(devstack, "kafka", "port");
      return host == null || port == null ? null : host + ":" + port;
    }

    private static String trim(String url) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
