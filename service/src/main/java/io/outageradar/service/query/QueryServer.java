package io.outageradar.service.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.state.OpenOutage;
import io.outageradar.avro.state.ServiceLifecycleState;
import io.outageradar.detection.lifecycle.Uptime;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.producers.http.Listening;
import io.outageradar.producers.intake.TokenBucket;
import io.outageradar.service.http.QueryParams;
import io.outageradar.service.json.OutageJson;
import io.outageradar.service.status.StatusView;
import io.outageradar.streams.StoreNames;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the lifecycle's state stores, on HTTP with JSON answers: {@code GET
 * /status}, {@code GET /status/{service}}, {@code GET /outages?since=ISO}.
 *
 * <p>State is partitioned across the app's instances. A request for one service goes to the
 * instance that owns the key (Kafka Streams' key → host metadata) and is forwarded there when it is
 * not this one; a request over all keys gathers the local answers of every instance. Forwarded
 * requests carry {@code scope=local}, so they never forward again.
 */
public final class QueryServer implements AutoCloseable {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

  private static final ObjectMapper JSON = Answers.JSON;
  private static final String LOCAL = "scope=local";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final StatusRoutes page;

  private QueryServer(KafkaStreams streams, HostInfo self, HttpServer server, StatusRoutes page) {
    this.streams = streams;
    this.self = self;
    this.server = server;
    this.page = page;
  }

  /**
   * Serves on {@code self}'s port; {@code self} must be the {@code application.server} of {@code
   * streams}.
   */
  public static QueryServer start(
      KafkaStreams streams, HostInfo self, StatusView view, BusinessDirectory businesses) {
    try {
      // all interfaces; peers use self
      HttpServer server = Listening.on(self.port(), "query API", "query.server");
      // a thread per request: a page's event stream holds its thread as long as the page is open
      ThreadFactory daemons =
          task -> {
            Thread thread = new Thread(task, "query-api");
            thread.setDaemon(true);
            return thread;
          };
      server.setExecutor(Executors.newCachedThreadPool(daemons));
      QueryServer query =
          new QueryServer(streams, self, server, StatusRoutes.register(server, view));
      server.createContext("/status", exchange -> query.answer(exchange, query::status));
      server.createContext("/outages", exchange -> query.answer(exchange, query::outages));
      CustomerNoticeRoutes.register(
          server,
          businesses::profile,
          businesses::impact,
          // wrong keys: five at once, then one every five seconds per address, as the API's
          new BusinessPageRoutes(businesses, new TokenBucket(0.2, 5, System::nanoTime)));
      server.start();
      return query;
    } catch (IOException e) {
      throw new IllegalStateException(
          e instanceof BindException
              ? e.getMessage()
              : "query API (query.server) cannot listen on port "
                  + self.port()
                  + ": "
                  + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void status(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean local = LOCAL.equals(exchange.getRequestURI().getQuery());
    if (path.equals("/status") || path.equals("/status/")) {
      ArrayNode services = JSON.createArrayNode();
      Map<String, JsonNode> byService = new TreeMap<>();
      try (KeyValueIterator<String, ServiceLifecycleState> all = lifecycleStore().all()) {
        all.forEachRemaining(
            entry -> byService.put(entry.key, serviceJson(entry.key, entry.value)));
      }
      if (!local) {
        for (JsonNode remote : fromOtherInstances("/status?" + LOCAL)) {
          remote.get("services").forEach(node -> byService.put(node.get("service").asText(), node));
        }
      }
      byService.values().forEach(services::add);
      ObjectNode body = JSON.createObjectNode();
      body.set("services", services);
      Answers.send(exchange, 200, body);
      return;
    }
    if (path.endsWith("/history")) {
      page.history(exchange, decoded(path, "/status/", "/history"));
      return;
    }
    String service = decoded(path, "/status/", "");
    KeyQueryMetadata owner =
        streams.queryMetadataForKey(
            StoreNames.OUTAGE_LIFECYCLE, service, Serdes.String().serializer());
    if (!local
        && owner != null
        && owner != KeyQueryMetadata.NOT_AVAILABLE
        && !owner.activeHost().equals(self)) {
      forward(exchange, owner.activeHost(), path + "?" + LOCAL);
      return;
    }
    ServiceLifecycleState state = lifecycleStore().get(service);
    if (state == null) {
      Answers.send(exchange, 404, Answers.error("unknown service " + service));
    } else {
      Answers.send(exchange, 200, serviceJson(service, state));
    }
  }

  private void outages(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.startsWith("/outages/") && path.length() > "/outages/".length()) {
      page.outage(exchange, decoded(path, "/outages/", ""));
      return;
    }
    Map<String, String> params = QueryParams.of(exchange.getRequestURI());
    Instant since;
    try {
      since = params.containsKey("since") ? Instant.parse(params.get("since")) : Instant.EPOCH;
    } catch (DateTimeParseException e) {
      Answers.send(
          exchange,
          400,
          Answers.error("since must be an ISO-8601 instant, e.g. 2021-10-04T15:00:00Z"));
      return;
    }
    List<JsonNode> found = new ArrayList<>();
    ReadOnlyKeyValueStore<String, OutageEvent> table =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                StoreNames.OUTAGES_TABLE, QueryableStoreTypes.keyValueStore()));
    try (KeyValueIterator<String, OutageEvent> all = table.all()) {
      all.forEachRemaining(
          entry -> {
            OutageEvent outage = entry.value;
            boolean recent =
                outage.getResolvedAt() == null || !outage.getResolvedAt().isBefore(since);
            if (recent && outage.getMergedInto() == null) {
              found.add(OutageJson.of(outage));
            }
          });
    }
    if (!"local".equals(params.get("scope"))) {
      for (JsonNode remote : fromOtherInstances("/outages?since=" + since + "&" + LOCAL)) {
        remote.get("outages").forEach(found::add);
      }
    }
    found.sort(
        Comparator.comparing((JsonNode n) -> n.get("onset").asText())
            .thenComparing(n -> n.get("id").asText()));
    ObjectNode body = JSON.createObjectNode();
    found.forEach(body.putArray("outages")::add);
    Answers.send(exchange, 200, body);
  }

  private static String decoded(String path, String prefix, String suffix) {
    return URLDecoder.decode(
        path.substring(prefix.length(), path.length() - suffix.length()), StandardCharsets.UTF_8);
  }

  private static ObjectNode serviceJson(String service, ServiceLifecycleState state) {
    ObjectNode node = JSON.createObjectNode();
    node.put("service", service);
    ObjectNode regions = node.putObject("regions");
    new TreeMap<>(state.getRegions())
        .forEach((region, track) -> regions.put(region, track.getPhase().name()));
    ObjectNode uptime = node.putObject("uptime");
    new TreeMap<>(state.getRegions())
        .forEach(
            (region, track) -> {
              Uptime.Percentages percent = Uptime.of(track);
              ObjectNode spans = uptime.putObject(region);
              spans.put("24h", percent.last24h());
              spans.put("7d", percent.last7d());
              spans.put("30d", percent.last30d());
            });
    ArrayNode open = node.putArray("openOutages");
    state.getOpenOutages().values().stream()
        .map(OpenOutage::getEvent)
        .sorted(Comparator.comparing(OutageEvent::getOnset))
        .forEach(outage -> open.add(OutageJson.of(outage)));
    return node;
  }

  private ReadOnlyKeyValueStore<String, ServiceLifecycleState> lifecycleStore() {
    return streams.store(
        StoreQueryParameters.fromNameAndType(
            StoreNames.OUTAGE_LIFECYCLE, QueryableStoreTypes.keyValueStore()));
  }

  private List<JsonNode> fromOtherInstances(String pathAndQuery) throws IOException {
    List<JsonNode> answers = new ArrayList<>();
    for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
      if (!instance.hostInfo().equals(self)) {
        answers.add(JSON.readTree(get(instance.hostInfo(), pathAndQuery).body()));
      }
    }
    return answers;
  }

  /**
   * Answers with {@code handler}, or 503 with Retry-After while the answer cannot be had now: the
   * stores are moving between instances (a rebalance), or the instance that owns them is gone and
   * its partitions are not taken over yet. Never a stack trace.
   */
  private void answer(HttpExchange exchange, HttpHandler handler) throws IOException {
    try (exchange) {
      try {
        handler.handle(exchange);
      } catch (InvalidStateStoreException | PeerUnavailableException e) {
        exchange.getResponseHeaders().add("Retry-After", Long.toString(RETRY_AFTER.toSeconds()));
        Answers.send(
            exchange,
            503,
            Answers.error(
                "not available now ("
                    + e.getMessage()
                    + "); the instances are rebalancing, retry"));
      }
    }
  }

  /** Another instance that owns what was asked for did not answer. */
  private static final class PeerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PeerUnavailableException(HostInfo peer, IOException cause) {
      super(
          "instance "
              + peer.host()
              + ":"
              + peer.port()
              + " did not answer: "
              + cause.getClass().getSimpleName(),
          cause);
    }
  }

  private void forward(HttpExchange exchange, HostInfo owner, String pathAndQuery)
      throws IOException {
    HttpResponse<String> answer = get(owner, pathAndQuery);
    Answers.send(exchange, answer.statusCode(), JSON.readTree(answer.body()));
  }

  private HttpResponse<String> get(HostInfo host, String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + host, e);
    } catch (IOException e) {
      throw new PeerUnavailableException(host, e);
    }
  }
}
