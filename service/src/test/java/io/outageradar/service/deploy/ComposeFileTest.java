package io.outageradar.service.deploy;

import static io.outageradar.service.deploy.DeployFiles.ROOT;
import static io.outageradar.service.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.producers.vendor.VendorPages;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started here (no Docker), so what can go stale is checked instead:
 * every service the stack needs is there, every file and directory it mounts or builds from exists,
 * ports do not clash, start order names real services, and no secret is written into it.
 */
class ComposeFileTest {
  private static final Set<String> STACK =
      Set.of(
          "kafka",
          "schema-registry",
          "postgres",
          "connect",
          "connect-setup",
          "grafana",
          "alertmanager",
          "stream-processor",
          "intake",
          "probe",
          "vendors",
          "pager");
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|secret|token|routing_key|api_keys).*");

  private final Map<String, Object> compose;
  private final Map<String, Object> services;

  ComposeFileTest() throws IOException {
    compose = DeployFiles.yaml("docker-compose.yml");
    services = map(compose.get("services"));
  }

  @Test
  void theWholeStackIsThere() {
    assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(STACK);
    for (String infrastructure :
        List.of("kafka", "schema-registry", "postgres", "connect", "grafana", "alertmanager")) {
      assertThat(map(services.get(infrastructure)))
          .as(infrastructure + " has a health check")
          .containsKey("healthcheck");
    }
  }

  @Test
  void everyAppIsCheckedOnItsOwnReadinessEndpoint() {
    for (String app : List.of("stream-processor", "intake", "probe", "vendors", "pager")) {
      Map<String, Object> service = map(services.get(app));
      String port = map(service.get("environment")).get("OUTAGE_RADAR_HEALTH_PORT").toString();
      assertThat(map(service.get("healthcheck")).get("test").toString())
          .as(app + " health check")
          .contains("/dev/tcp/127.0.0.1/" + port)
          .contains("GET /health/ready");
    }
    assertThat(map(services.get("stream-processor")).get("command").toString())
        .as("the query API is on")
        .contains("query.server=stream-processor:8080");
  }

  @Test
  void theStatusPagesTheStackReadsAreAValidPagesFile() throws IOException {
    VendorPages pages = VendorPages.read(ROOT.resolve("deploy/vendors/vendors.yaml"));
    assertThat(pages.pages()).extracting(VendorPages.Page::name).containsExactly("meta");
  }

  @Test
  void everyMountedOrBuiltPathExists() {
    services.forEach(
        (name, definition) -> {
          Map<String, Object> service = map(definition);
          for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
            String source = volume.toString().split(":")[0];
            if (source.startsWith("./")) {
              assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
            } else {
              assertThat(map(compose.get("volumes")))
                  .as(name + " uses named volume " + source)
                  .containsKey(source);
            }
          }
          Object build = service.get("build");
          if (build instanceof String context) {
            assertThat(ROOT.resolve(context).resolve("Dockerfile")).as(name + " builds").exists();
          } else if (build != null) {
            Map<String, Object> spec = map(build);
            assertThat(
                    ROOT.resolve(spec.get("context").toString())
                        .resolve(spec.getOrDefault("dockerfile", "Dockerfile").toString()))
                .as(name + " builds")
                .exists();
          }
          for (Object envFile : (List<?>) service.getOrDefault("env_file", List.of())) {
            Map<String, Object> file = map(envFile);
            assertThat(file.get("required"))
                .as(name + ": deploy/.env is optional, its example committed")
                .isEqualTo(false);
            assertThat(ROOT.resolve(file.get("path") + ".example")).exists();
          }
        });
  }

  @Test
  void hostPortsAreUniqueAndStartOrderNamesRealServices() {
    Set<String> hostPorts = new HashSet<>();
    services.forEach(
        (name, definition) -> {
          Map<String, Object> service = map(definition);
          for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
            assertThat(port.toString()).matches("\\d+:\\d+");
            assertThat(hostPorts.add(port.toString().split(":")[0]))
                .as(name + " host port " + port + " is taken twice")
                .isTrue();
          }
          Object dependsOn = service.get("depends_on");
          if (dependsOn != null) {
            assertThat(services.keySet())
                .as(name + " depends on")
                .containsAll(map(dependsOn).keySet());
          }
        });
  }

  @Test
  void noSecretIsWrittenIntoTheFile() {
    services.forEach(
        (name, definition) -> {
          Object environment = map(definition).get("environment");
          if (environment != null) {
            map(environment)
                .forEach(
                    (key, value) ->
                        assertThat(SECRET_NAME.matcher(key).matches())
                            .as(
                                name
                                    + " sets "
                                    + key
                                    + " in the compose file; secrets belong in deploy/.env")
                            .isFalse());
          }
        });
  }

  @Test
  void theConnectorConfigsTheSetupServicePostsExistAndTakeSecretsFromTheEnvironment()
      throws IOException {
    String setup =
        String.join(
            " ",
            ((List<?>) map(services.get("connect-setup")).get("command"))
                .stream().map(Object::toString).toList());
    Matcher files = Pattern.compile("/connectors/([\\w-]+\\.json)").matcher(setup);
    List<String> posted = new ArrayList<>();
    while (files.find()) {
      posted.add(files.group(1));
    }
    assertThat(posted)
        .containsExactlyInAnyOrder(
            "outages.json", "region-impact.json", "report-health.json", "region-health.json");
    for (String file : posted) {
      String config = Files.readString(ROOT.resolve("deploy/connect").resolve(file));
      assertThat(config).contains("\"connection.password\": \"${env:RADAR_DB_PASSWORD}\"");
    }
  }

  @Test
  void theDockerfilesBuildFromTheWholeTreeWithoutBuildOutputs() throws IOException {
    // every module of the reactor must be in the build context, or Maven refuses to start
    for (String dockerfile : List.of("Dockerfile", "Dockerfile.connect")) {
      assertThat(Files.readString(ROOT.resolve(dockerfile))).as(dockerfile).contains("COPY . .\n");
    }
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("**/target", ".git");
  }
}
