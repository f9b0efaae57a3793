package io.outageradar.producers.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.outageradar.avro.VendorState;
import io.outageradar.model.Regions;
import io.outageradar.producers.config.StrictFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status pages the {@code vendors} poller reads, from YAML ({@code .yaml}/{@code .yml}) or
 * JSON:
 *
 * <pre>
 * interval: PT60S        # every page this often (default 60 s)
 * timeout: PT10S         # per request (default 10 s)
 * pages:
 *   - name: meta
 *     url: https://metastatus.example/api/v2/summary.json    # Statuspage summary or incidents
 *     components:
 *       - {component: WhatsApp Messaging, service: whatsapp, regions: ["*"]}
 *       - {component: Instagram Feed, service: instagram, regions: [BR, US]}
 *   - name: paygate
 *     format: feed                                            # RSS 2.0 or Atom
 *     url: https://status.paygate.example/history.atom
 *     service: paygate
 *     regions: [BR]
 *     openIncident: MAJOR_OUTAGE   # what an open incident of a feed means (default PARTIAL_OUTAGE)
 * </pre>
 *
 * <p>A region is an ISO 3166-1 alpha-2 code or {@code *} (every region of the service). A key the
 * format does not know, a duplicate page name, a URL that is not http(s) or a region that is not a
 * code is an error naming the file and line.
 */
public record VendorPages(Duration interval, Duration timeout, List<Page> pages) {
  /** The formats a page may be in. */
  public enum Format {
    STATUSPAGE,
    FEED
  }

  /** Where one component's word goes: a service in some regions. */
  public record Mapping(String component, String service, List<String> regions) {}

  /** One status page and what its components mean here. */
  public record Page(
      String name, Format format, URI url, List<Mapping> components, VendorState openIncident) {}

  private static final List<String> TOP_LEVEL_KEYS = List.of("interval", "timeout", "pages");
  private static final List<String> STATUSPAGE_KEYS =
      List.of("name", "format", "url", "components");
  private static final List<String> FEED_KEYS =
      List.of("name", "format", "url", "service", "regions", "openIncident");
  private static final List<String> MAPPING_KEYS = List.of("component", "service", "regions");

  public static VendorPages read(Path file) throws IOException {
    StrictFile strict = StrictFile.read(file, "a status pages file (expected pages: ...)");
    JsonNode root = strict.root();
    try {
      strict.checkKeys("", root, TOP_LEVEL_KEYS);
      Duration interval = Duration.parse(root.path("interval").asText("PT60S"));
      Duration timeout = Duration.parse(root.path("timeout").asText("PT10S"));
      if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) > 0) {
        throw new IllegalArgumentException(
            "line "
                + strict.lineOf("/interval")
                + ": interval must be positive and at least the"
                + " timeout");
      }
      List<Page> pages = new ArrayList<>();
      Set<String> names = new HashSet<>();
      int index = 0;
      for (JsonNode page : root.path("pages")) {
        String pointer = "/pages/" + index++;
        try {
          Page read = page(strict, pointer, page);
          if (!names.add(read.name())) {
            throw new IllegalArgumentException("a second page named \"" + read.name() + "\"");
          }
          pages.add(read);
        } catch (IllegalArgumentException e) {
          String where =
              e.getMessage().startsWith("line ") ? "" : "line " + strict.lineOf(pointer) + ": ";
          throw new IllegalArgumentException(where + e.getMessage(), e);
        }
      }
      if (pages.isEmpty()) {
        throw new IllegalArgumentException("no pages");
      }
      return new VendorPages(interval, timeout, List.copyOf(pages));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static Page page(StrictFile strict, String pointer, JsonNode page) {
    if (!page.isObject()) {
      throw new IllegalArgumentException("a page is a mapping with name, url, ...");
    }
    Format format = format(page.path("format").asText("statuspage"));
    strict.checkKeys(pointer, page, format == Format.FEED ? FEED_KEYS : STATUSPAGE_KEYS);
    String name = required(page, "name", "page");
    if (name.contains("|")) {
      throw new IllegalArgumentException("page name \"" + name + "\" may not contain '|'");
    }
    URI url = url(required(page, "url", "page " + name));
    if (format == Format.FEED) {
      String service = required(page, "service", "feed " + name);
      VendorState open = openIncident(page.path("openIncident").asText("PARTIAL_OUTAGE"));
      return new Page(
          name,
          format,
          url,
          List.of(new Mapping("*", service, regions(page, "feed " + name))),
          open);
    }
    List<Mapping> mappings = new ArrayList<>();
    int index = 0;
    for (JsonNode mapping : page.path("components")) {
      String at = pointer + "/components/" + index++;
      strict.checkKeys(at, mapping, MAPPING_KEYS);
      String component = required(mapping, "component", "a component of page " + name);
      mappings.add(
          new Mapping(
              component,
              required(mapping, "service", "component " + component),
              regions(mapping, "component " + component)));
    }
    if (mappings.isEmpty()) {
      throw new IllegalArgumentException(
          "page " + name + " maps no components (components: [{component, service, regions}])");
    }
    return new Page(name, format, url, List.copyOf(mappings), null);
  }

  private static Format format(String raw) {
    try {
      return Format.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "format \"" + raw + "\" is not one of statuspage, feed", e);
    }
  }

  private static VendorState openIncident(String raw) {
    try {
      VendorState state = VendorState.valueOf(raw);
      if (state != VendorState.UNKNOWN && state != VendorState.OPERATIONAL) {
        return state;
      }
    } catch (IllegalArgumentException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "openIncident \""
            + raw
            + "\" is not one of DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE,"
            + " UNDER_MAINTENANCE");
  }

  private static URI url(String raw) {
    URI url;
    try {
      url = URI.create(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url \"" + raw + "\" is not a URL", e);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http(s): " + raw);
    }
    return url;
  }

  private static List<String> regions(JsonNode node, String what) {
    List<String> regions = new ArrayList<>();
    for (JsonNode region : node.path("regions")) {
      String raw = region.asText();
      if ("*".equals(raw)) {
        regions.add(raw);
      } else {
        regions.add(
            Regions.normalize(raw)
                .orElseThrow(
                    () -> new IllegalArgumentException(what + ": " + Regions.notACode(raw))));
      }
    }
    if (regions.isEmpty()) {
      throw new IllegalArgumentException(what + " needs regions (codes such as BR, or \"*\")");
    }
    return List.copyOf(regions);
  }

  private static String required(JsonNode node, String field, String what) {
    if (!node.hasNonNull(field) || node.get(field).asText().isBlank()) {
      throw new IllegalArgumentException(what + " needs \"" + field + "\"");
    }
    return node.get(field).asText().strip();
  }
}
