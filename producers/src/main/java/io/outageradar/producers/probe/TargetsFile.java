package io.outageradar.producers.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outageradar.avro.CheckKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The probe runner's targets, from JSON:
 * {@code {"interval":"PT30S","timeout":"PT5S","services":{"whatsapp":[{"kind":"HTTP","url":"https://web.whatsapp.com/",
 * "expectStatus":200,"keyword":"WhatsApp"},{"kind":"TCP","target":"g.whatsapp.net:443"}]}}}.
 */
public record TargetsFile(Duration interval, List<ProbeTarget> targets) {
  public static TargetsFile read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    Duration interval = Duration.parse(root.path("interval").asText("PT30S"));
    Duration defaultTimeout = Duration.parse(root.path("timeout").asText("PT5S"));
    if (interval.isNegative() || interval.isZero() || defaultTimeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException("interval must be positive and at least the timeout in " + file);
    }
    List<ProbeTarget> targets = new ArrayList<>();
    var services = root.path("services").fields();
    while (services.hasNext()) {
      var service = services.next();
      for (JsonNode check : service.getValue()) {
        CheckKind kind = CheckKind.valueOf(check.path("kind").asText("HTTP").toUpperCase(Locale.ROOT));
        String target = kind == CheckKind.HTTP ? check.path("url").asText() : check.path("target").asText();
        Duration timeout = check.hasNonNull("timeout") ? Duration.parse(check.get("timeout").asText()) : defaultTimeout;
        targets.add(new ProbeTarget(service.getKey(), kind, target, check.path("method").asText("GET"),
            check.path("expectStatus").asInt(200), check.hasNonNull("keyword") ? check.get("keyword").asText() : null, timeout));
      }
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no targets in " + file);
    }
    return new TargetsFile(interval, List.copyOf(targets));
  }
}
