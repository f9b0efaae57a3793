package io.outageradar.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.service.runtime.Pipeline;
import io.outageradar.simulation.Scenario;
import io.outageradar.simulation.ScenarioEvents;
import io.outageradar.simulation.ScenarioPublisher;
import io.outageradar.simulation.Scenarios;
import io.outageradar.topics.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path to Grafana without Grafana: the pipeline on an embedded broker replays the first
 * 70 minutes of 4 Oct 2021, a real Kafka Connect worker runs the Debezium JDBC sink with the
 * committed connector configs (deploy/connect) into a real PostgreSQL, and then every panel query
 * of the committed dashboard (deploy/grafana/dashboards) runs against that database. PostgreSQL
 * comes from the machine (bash .ci/run starts it and creates the radar database); without one the
 * test is skipped, unless OUTAGE_RADAR_REQUIRE_EXTERNALS says it must run.
 */
class JdbcSinkIT {
  private static final String JDBC_URL =
      System.getenv()
          .getOrDefault("OUTAGE_RADAR_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/radar");
  private static final String DB_USER =
      System.getenv().getOrDefault("OUTAGE_RADAR_TEST_DB_USER", "radar");
  private static final String DB_PASSWORD =
      System.getenv().getOrDefault("OUTAGE_RADAR_TEST_DB_PASSWORD", "radar");
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final Instant FROM = Instant.parse("2021-10-04T00:00:00Z");
  private static final Instant TO = Instant.parse("2021-10-05T00:00:00Z");

  @TempDir static Path dir;
  private static EmbeddedKafka kafka;
  private static Pipeline pipeline;
  private static Connect<StandaloneHerder> connect;
  private static final String SCOPE = "jdbc-sink-it-" + UUID.randomUUID();

  @BeforeAll
  static void start() throws Exception {
    boolean required = "true".equals(System.getenv("OUTAGE_RADAR_REQUIRE_EXTERNALS"));
    assumeTrue(
        required || reachable(), "no PostgreSQL at " + JDBC_URL + " (bash .ci/run starts one)");
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      for (String table : List.of("outages", "region_impact", "report_minutes", "region_health")) {
        sql.execute("DROP TABLE IF EXISTS " + table);
      }
    }
    kafka = EmbeddedKafka.start();
    Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));
    pipeline =
        Pipeline.start(
            Pipeline.Settings.builder(
                    kafka.bootstrapServers(), "jdbc-sink-it", topics, dir.resolve("state"))
                .revenue(RevenueTable.parse("whatsapp|BR=2500.00 BRL,instagram|BR=1800.00 BRL"))
                .build(),
            Duration.ofMinutes(2));
    connect = startConnect();
    for (Path config :
        List.of(
            DEPLOY.resolve("connect/outages.json"),
            DEPLOY.resolve("connect/region-impact.json"),
            DEPLOY.resolve("connect/report-health.json"),
            DEPLOY.resolve("connect/region-health.json"))) {
      createConnector(config);
    }

    Scenario scenario = Scenarios.create("fb-2021-10-04", 42);
    Instant until = Instant.parse("2021-10-04T16:10:00Z");
    ScenarioPublisher.publish(
        scenario.name(),
        ScenarioEvents.of(scenario).takeWhile(e -> ScenarioEvents.timeOf(e).isBefore(until)),
        topics,
        kafka.bootstrapServers(),
        0);
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.stop();
      connect.awaitStop();
    }
    if (pipeline != null) {
      pipeline.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    MockSchemaRegistry.drop(SCOPE);
  }

  private static boolean reachable() {
    try (Connection ignored = database()) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static Connection database() throws SQLException {
    return DriverManager.getConnection(JDBC_URL, DB_USER, DB_PASSWORD);
  }

  private static Connect<StandaloneHerder> startConnect() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Map<String, String> worker = new HashMap<>();
    worker.put("bootstrap.servers", kafka.bootstrapServers());
    worker.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("listeners", "http://127.0.0.1:" + port);
    worker.put("plugin.discovery", "hybrid_warn");
    worker.put("offset.flush.interval.ms", "1000");
    return new ConnectStandalone().startConnect(worker);
  }

  /**
   * The committed connector config, with the values the deployment takes from the environment
   * filled in.
   */
  private static void createConnector(Path file) throws Exception {
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    Map<String, String> config = new LinkedHashMap<>();
    config.put("name", json.get("name").asText());
    json.get("config")
        .properties()
        .forEach(
            e ->
                config.put(
                    e.getKey(),
                    e.getValue()
                        .asText()
                        .replace("${env:RADAR_DB_JDBC_URL}", JDBC_URL)
                        .replace("${env:RADAR_DB_USER}", DB_USER)
                        .replace("${env:RADAR_DB_PASSWORD}", DB_PASSWORD)
                        .replace("${env:RADAR_SCHEMA_REGISTRY_URL}", "mock://" + SCOPE)
                        .replace("${env:RADAR_REPLICATION_FACTOR}", "1")));
    assertThat(config.values()).noneMatch(v -> v.contains("${"));
    CompletableFuture<ConnectorInfo> created = new CompletableFuture<>();
    Callback<org.apache.kafka.connect.runtime.Herder.Created<ConnectorInfo>> callback =
        (error, result) -> {
          if (error != null) {
            created.completeExceptionally(error);
          } else {
            created.complete(result.result());
          }
        };
    connect.herder().putConnectorConfig(json.get("name").asText(), config, false, callback);
    created.get(60, TimeUnit.SECONDS);
  }

  private static List<Map<String, Object>> query(String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection db = database();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void theSinkUpsertsRowsAndEveryDashboardPanelQueryAnswers() throws Exception {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(
                      query(
                          "SELECT outage_id FROM outages WHERE merged_into IS NULL AND state = 'CONFIRMED'"))
                  .hasSize(3);
              assertThat(query("SELECT region FROM region_impact")).hasSize(6);
              assertThat(query("SELECT count(*) AS n FROM report_minutes").get(0).get("n"))
                  .asString()
                  .isNotEqualTo("0");
            });
    // upserts by key: one row per outage, however many changes it went through
    assertThat(
            query(
                "SELECT outage_id, count(*) AS n FROM outages GROUP BY outage_id HAVING count(*) > 1"))
        .isEmpty();

    JsonNode dashboard =
        new ObjectMapper()
            .readTree(DEPLOY.resolve("grafana/dashboards/outage-radar.json").toFile());
    // the variables first, as Grafana does, each with all its values selected
    Map<String, List<String>> variables = new LinkedHashMap<>();
    for (JsonNode variable : dashboard.get("templating").get("list")) {
      List<String> values = new ArrayList<>();
      query(variable.get("query").asText())
          .forEach(row -> values.add(String.valueOf(row.values().iterator().next())));
      variables.put(variable.get("name").asText(), values);
    }
    assertThat(variables.get("service")).containsExactly("facebook", "instagram", "whatsapp");
    assertThat(variables.get("region")).containsExactly("BR", "DE", "GB", "IN", "NL", "US");
    Map<String, List<Map<String, Object>>> answers = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        String sql = GrafanaMacros.expand(target.get("rawSql").asText(), FROM, TO, variables);
        answers.put(panel.get("title").asText() + "/" + target.get("refId").asText(), query(sql));
      }
    }

    assertThat(answers)
        .hasSize(11)
        .allSatisfy((panel, rows) -> assertThat(rows).as(panel).isNotEmpty());
    assertThat(answers.get("Outage timeline/A"))
        .extracting(row -> row.get("outage"))
        .as("one row per outage, by its id")
        .containsExactlyInAnyOrder(
            "facebook-global-20211004T154000Z",
            "instagram-global-20211004T154030Z",
            "whatsapp-global-20211004T154030Z");
    assertThat(answers.get("Outage timeline/A"))
        .extracting(row -> row.get("cause"))
        .containsOnly("DNS");
    Set<Object> regions = new TreeSet<>();
    answers.get("Regions now/A").forEach(row -> regions.add(row.get("region")));
    assertThat(regions).containsExactly("BR", "DE", "GB", "IN", "NL", "US");
    assertThat(answers.get("Regions now/A"))
        .filteredOn(row -> "BR".equals(row.get("region")))
        .singleElement()
        .satisfies(
            row -> assertThat(((Number) row.get("estimated_loss")).doubleValue()).isPositive());
    assertThat(answers.get("Distinct reporters vs baseline/A"))
        .extracting(row -> row.get("metric"))
        .contains("facebook", "instagram", "whatsapp");
    assertThat(answers.get("Sentiment/A"))
        .anySatisfy(row -> assertThat(((Number) row.get("value")).doubleValue()).isLessThan(-0.3));
    assertThat(answers.get("Estimated business impact/A"))
        .singleElement()
        .satisfies(row -> assertThat(row.get("currency")).isEqualTo("BRL"));
    // in BRL's major unit: minor units / 10^2, exactly
    assertThat(
            query(
                "SELECT estimated_loss_amount_minor AS minor, estimated_loss_currency_digits AS digits FROM region_impact WHERE region = 'BR'"))
        .singleElement()
        .satisfies(row -> assertThat(row.get("digits")).isEqualTo(2));
    assertThat(answers.get("Where/A"))
        .extracting(row -> row.get("region"))
        .containsExactly("BR", "DE", "GB", "IN", "NL", "US");
    assertThat(answers.get("Most reported problems/A"))
        .extracting(row -> row.get("category"))
        .contains("messaging", "login", "connectivity");
    assertThat(answers.get("Probe latency/A"))
        .allSatisfy(row -> assertThat(((Number) row.get("value")).intValue()).isBetween(1, 10_000));
    assertThat(answers.get("Certificate days to expiry/A"))
        .allSatisfy(row -> assertThat(((Number) row.get("days_left")).intValue()).isBetween(80, 90))
        .hasSize(18);
  }
}
