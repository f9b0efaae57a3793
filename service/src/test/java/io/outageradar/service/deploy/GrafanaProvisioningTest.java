package io.outageradar.service.deploy;

import static io.outageradar.service.deploy.DeployFiles.ROOT;
import static io.outageradar.service.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grafana cannot run here, so its provisioning files are held to Grafana's documented shapes
 * (administration/provisioning: apiVersion 1, datasources and dashboard providers; the dashboard
 * JSON model: uid, title, schemaVersion, panels with id, type, gridPos and targets). That the panel
 * queries answer is shown against real PostgreSQL by the connect module's JdbcSinkIT.
 */
class GrafanaProvisioningTest {
  private static final Set<String> PANEL_TYPES =
      Set.of(
          "timeseries",
          "table",
          "stat",
          "state-timeline",
          "barchart",
          "gauge",
          "bargauge",
          "text",
          "geomap",
          "piechart");
  private static final Set<String> FORMATS = Set.of("table", "time_series");

  @Test
  void theDatasourceIsAProvisionedPostgresWithItsPasswordFromTheEnvironment() throws IOException {
    Map<String, Object> file =
        DeployFiles.yaml("deploy/grafana/provisioning/datasources/outage-radar.yaml");
    assertThat(file.get("apiVersion")).isEqualTo(1);
    List<?> datasources = (List<?>) file.get("datasources");
    assertThat(datasources).hasSize(1);
    Map<String, Object> datasource = map(datasources.get(0));
    assertThat(datasource)
        .containsKeys("name", "uid", "type", "access", "url", "jsonData", "secureJsonData");
    assertThat(datasource.get("type")).isEqualTo("grafana-postgresql-datasource");
    assertThat(datasource.get("access")).isIn("proxy", "direct");
    assertThat(map(datasource.get("jsonData")))
        .containsEntry("database", "radar")
        .containsKey("sslmode");
    assertThat(map(datasource.get("secureJsonData")).get("password").toString())
        .matches("\\$\\{[A-Z_]+}");
  }

  @Test
  void theDashboardProviderReadsTheDirectoryComposeMounts() throws IOException {
    Map<String, Object> file =
        DeployFiles.yaml("deploy/grafana/provisioning/dashboards/outage-radar.yaml");
    assertThat(file.get("apiVersion")).isEqualTo(1);
    Map<String, Object> provider = map(((List<?>) file.get("providers")).get(0));
    assertThat(provider).containsKeys("name", "type", "options");
    assertThat(provider.get("type")).isEqualTo("file");
    String path = map(provider.get("options")).get("path").toString();
    List<?> grafanaVolumes =
        (List<?>)
            map(map(DeployFiles.yaml("docker-compose.yml").get("services")).get("grafana"))
                .get("volumes");
    assertThat(grafanaVolumes)
        .extracting(Object::toString)
        .contains("./deploy/grafana/dashboards:" + path + ":ro");
  }

  @Test
  void everyPanelFollowsTheDashboardModelAndQueriesTheProvisionedDatasource() throws IOException {
    String datasourceUid =
        map(((List<?>)
                    DeployFiles.yaml("deploy/grafana/provisioning/datasources/outage-radar.yaml")
                        .get("datasources"))
                .get(0))
            .get("uid")
            .toString();
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(ROOT.resolve("deploy/grafana/dashboards/outage-radar.json").toFile());
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    assertThat(dashboard.path("title").asText()).isNotBlank();
    assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    Set<Integer> ids = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
      titles.add(panel.get("title").asText());
      assertThat(PANEL_TYPES).contains(panel.get("type").asText());
      JsonNode grid = panel.get("gridPos");
      assertThat(grid.get("x").asInt() + grid.get("w").asInt())
          .as("fits the 24-column grid")
          .isLessThanOrEqualTo(24);
      assertThat(grid.get("h").asInt()).isPositive();
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(datasourceUid);
      Set<String> refIds = new HashSet<>();
      for (JsonNode target : panel.get("targets")) {
        assertThat(refIds.add(target.get("refId").asText())).isTrue();
        assertThat(FORMATS).contains(target.get("format").asText());
        assertThat(target.get("rawQuery").asBoolean()).isTrue();
        assertThat(target.get("rawSql").asText()).startsWith("SELECT");
      }
    }
    assertThat(titles)
        .containsExactlyInAnyOrder(
            "Outage timeline",
            "Regions now",
            "Distinct reporters vs baseline",
            "Sentiment",
            "Estimated business impact",
            "Where",
            "Most reported problems",
            "Probe latency",
            "Certificate days to expiry");
    JsonNode variables = dashboard.path("templating").path("list");
    assertThat(variables.findValuesAsText("name")).containsExactly("service", "region");
    for (JsonNode variable : variables) {
      assertThat(variable.path("datasource").path("uid").asText()).isEqualTo(datasourceUid);
      assertThat(variable.path("multi").asBoolean()).isTrue();
      assertThat(variable.path("includeAll").asBoolean()).isTrue();
    }
  }
}
