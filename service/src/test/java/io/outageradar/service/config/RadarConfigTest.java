package io.outageradar.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadarConfigTest {
  private static final Map<String, String> REQUIRED =
      Map.of("bootstrap.servers", "kafka:9092", "schema.registry.url", "http://registry:8081");

  @TempDir Path dir;

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFileWhichWinsOverDefaults() throws IOException {
    Path file = dir.resolve("radar.properties");
    Files.writeString(file, "detection.window=1m\ndetection.min-agents=4\ndetection.grace=20s\n");
    Map<String, String> env =
        Map.of("OUTAGE_RADAR_DETECTION_MIN_AGENTS", "3", "OUTAGE_RADAR_DETECTION_GRACE", "15s");
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("detection.grace", "5s");

    RadarConfig config = RadarConfig.load(file, env, flags);

    assertThat(config.get(RadarSettings.WINDOW)).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.get(RadarSettings.MIN_AGENTS)).isEqualTo(3);
    assertThat(config.get(RadarSettings.GRACE)).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.get(RadarSettings.CONFIRM_WINDOWS)).isEqualTo(2);
    assertThat(config.detection().window()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void thePagerHasAnIntegrationPerConfiguredEndpointInAFixedOrder() {
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("pager.alertmanager.url", "http://alertmanager:9093");
    flags.put("pager.slack.webhook-url", "https://hooks.slack.com/services/T0/B0/token");
    Map<String, String> env = Map.of("OUTAGE_RADAR_PAGER_PAGERDUTY_ROUTING_KEY", "routing-key");

    RadarConfig config = RadarConfig.load(null, env, flags);

    assertThat(config.pagerIntegrations(java.time.Clock.systemUTC()))
        .extracting(io.outageradar.pager.Integration::name)
        .containsExactly("pagerduty", "slack", "alertmanager");
    assertThat(config.pagerRetryPolicy().maxAttempts()).isEqualTo(5);
  }

  @Test
  void aPagerWithNothingToPageOrAnUnsignedWebhookIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                RadarConfig.load(null, Map.of(), REQUIRED)
                    .pagerIntegrations(java.time.Clock.systemUTC()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no pager integration configured");
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("pager.webhook.url", "https://hooks.example.com/outages");
    assertThatThrownBy(
            () ->
                RadarConfig.load(null, Map.of(), flags)
                    .pagerIntegrations(java.time.Clock.systemUTC()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pager.webhook.secret is not");
  }

  @Test
  void aBadSecretSettingNeverShowsItsValue() {
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("pager.slack.webhook-url", "hooks.slack.com/services/T0/B0/s3cr3t");

    assertThatThrownBy(() -> RadarConfig.load(null, Map.of(), flags))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid setting pager.slack.webhook-url=***: must be an http(s) URL or empty")
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void aBadValueNamesTheSettingAndTheRule() {
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("detection.down-ratio", "1.5");

    assertThatThrownBy(() -> RadarConfig.load(null, Map.of(), flags))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid setting detection.down-ratio=1.5: must be in (0, 1]");
  }

  @Test
  void anUnparsableValueNamesTheSetting() {
    assertThatThrownBy(
            () -> RadarConfig.load(null, Map.of("OUTAGE_RADAR_DETECTION_WINDOW", "soon"), REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid setting detection.window=soon");
  }

  @Test
  void aMissingRequiredSettingSaysWhereToSetIt() {
    assertThatThrownBy(
            () -> RadarConfig.load(null, Map.of(), Map.of("bootstrap.servers", "k:9092")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("OUTAGE_RADAR_SCHEMA_REGISTRY_URL");
  }

  @Test
  void anUnknownKeyInTheFileIsATypoNotADefault() throws IOException {
    Path file = dir.resolve("radar.properties");
    Files.writeString(file, "detection.windw=1m\n");

    assertThatThrownBy(() -> RadarConfig.load(file, Map.of(), REQUIRED))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting detection.windw");
  }

  @Test
  void crossFieldRulesFailAtLoad() {
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("detection.confirm-windows", "5");

    assertThatThrownBy(() -> RadarConfig.load(null, Map.of(), flags))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("confirmWindows");
  }

  @Test
  void revenueIsParsedIntoMinorUnitsAndABadEntryNamesTheSetting() {
    Map<String, String> flags = new java.util.HashMap<>(REQUIRED);
    flags.put("impact.revenue-per-hour", "whatsapp|BR=2500.50 BRL");
    assertThat(
            RadarConfig.load(null, Map.of(), flags)
                .revenue()
                .perHour("whatsapp", "BR")
                .getAmountMinor())
        .isEqualTo(250_050L);

    flags.put("impact.revenue-per-hour", "whatsapp|BR=a lot");
    assertThatThrownBy(() -> RadarConfig.load(null, Map.of(), flags))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid setting impact.revenue-per-hour=whatsapp|BR=a lot");
  }

  @Test
  void everySettingHasADescriptionAndAParsableDefault() {
    for (Setting<?> setting : RadarSettings.ALL) {
      assertThat(setting.description()).as(setting.key()).isNotBlank();
      if (setting.defaultValue() != null) {
        assertThat(setting.parse(setting.defaultValue())).as(setting.key()).isNotNull();
      }
    }
  }
}
