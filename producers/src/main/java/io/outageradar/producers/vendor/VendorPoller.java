package io.outageradar.producers.vendor;

import io.outageradar.avro.VendorState;
import io.outageradar.avro.VendorStatus;
import io.outageradar.producers.vendor.VendorPages.Mapping;
import io.outageradar.producers.vendor.VendorPages.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each configured status page and says what changed: one {@link VendorStatus} per mapped
 * component and region whose state or incident differs from what was last said (everything on the
 * first read).
 *
 * <p>Polite to the pages: conditional GETs ({@code If-None-Match} with the last ETag, {@code
 * If-Modified-Since} with the last {@code Last-Modified}), so an unchanged page costs a 304 and
 * nothing is published; one request per page per poll, with a timeout. A page that cannot be read
 * keeps its last word (on 4 Oct 2021 the vendor's own page went down too): the failure is logged
 * once per kind of failure, counted in its {@link PageHealth}, and nothing is published for it.
 */
public final class VendorPoller {
  private static final Logger LOG = LoggerFactory.getLogger(VendorPoller.class);

  /** How a page's reading went: the last success and the last failure, if any. */
  public record PageHealth(Instant lastRead, String lastError, long failures) {}

  private final VendorPages pages;
  private final HttpClient http;
  private final Clock clock;
  private final Map<String, Cache> caches = new HashMap<>();
  private final Map<String, PageHealth> health = new ConcurrentHashMap<>();

  /** What was learnt of a page: its validators, and what was last said of each component. */
  private static final class Cache {
    String etag;
    String lastModified;
    String lastError;
    final Map<String, String> said = new HashMap<>();
  }

  public VendorPoller(VendorPages pages, HttpClient http, Clock clock) {
    this.pages = pages;
    this.http = http;
    this.clock = clock;
    for (Page page : pages.pages()) {
      health.put(page.name(), new PageHealth(null, null, 0));
    }
  }

  /** Reads every page once (one after the other); returns what changed, page by page. */
  public List<VendorStatus> poll() throws InterruptedException {
    List<VendorStatus> changed = new ArrayList<>();
    for (Page page : pages.pages()) {
      changed.addAll(poll(page));
    }
    return changed;
  }

  /** Per page, how its reading went. */
  public Map<String, PageHealth> health() {
    return Map.copyOf(health);
  }

  private List<VendorStatus> poll(Page page) throws InterruptedException {
    Cache cache = caches.computeIfAbsent(page.name(), name -> new Cache());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(page.url())
            .timeout(pages.timeout())
            .header("Accept", "application/json, application/atom+xml, application/rss+xml")
            .GET();
    if (cache.etag != null) {
      request.header("If-None-Match", cache.etag);
    }
    if (cache.lastModified != null) {
      request.header("If-Modified-Since", cache.lastModified);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Instant readAt = clock.instant();
      if (response.statusCode() == 304) {
        succeeded(page, cache, readAt);
        return List.of();
      }
      if (response.statusCode() / 100 != 2) {
        return failed(page, cache, "HTTP " + response.statusCode());
      }
      List<ComponentWord> words = words(page, response.body());
      response.headers().firstValue("ETag").ifPresent(v -> cache.etag = v);
      response.headers().firstValue("Last-Modified").ifPresent(v -> cache.lastModified = v);
      succeeded(page, cache, readAt);
      return changes(page, cache, words, readAt);
    } catch (HttpTimeoutException e) {
      return failed(page, cache, "no answer within " + pages.timeout().toSeconds() + " s");
    } catch (IOException e) {
      return failed(page, cache, "cannot be read: " + e.getClass().getSimpleName());
    } catch (IllegalArgumentException e) {
      return failed(page, cache, e.getMessage());
    }
  }

  private static List<ComponentWord> words(Page page, String body) {
    if (page.format() == VendorPages.Format.FEED) {
      return List.of(IncidentFeed.read(body, page.openIncident()));
    }
    return StatuspageDocument.read(
        body, page.components().stream().map(Mapping::component).distinct().toList());
  }

  private List<VendorStatus> changes(
      Page page, Cache cache, List<ComponentWord> words, Instant readAt) {
    List<VendorStatus> changed = new ArrayList<>();
    for (Mapping mapping : page.components()) {
      ComponentWord word =
          page.format() == VendorPages.Format.FEED
              ? words.get(0)
              : words.stream()
                  .filter(w -> w.component().equalsIgnoreCase(mapping.component()))
                  .findFirst()
                  .orElse(null);
      if (word == null) {
        continue; // the page no longer lists it: nothing new to say
      }
      for (String region : mapping.regions()) {
        String key = word.component() + '|' + mapping.service() + '|' + region;
        String said = word.state() + "|" + word.incident() + "|" + word.incidentStatus();
        if (Objects.equals(cache.said.put(key, said), said)) {
          continue;
        }
        changed.add(
            VendorStatus.newBuilder()
                .setStatusId(page.name() + '|' + key + '|' + readAt.toEpochMilli())
                .setVendor(page.name())
                .setService(mapping.service())
                .setRegion(region)
                .setComponent(word.component())
                .setState(word.state() == null ? VendorState.UNKNOWN : word.state())
                .setIncident(word.incident())
                .setIncidentStatus(word.incidentStatus())
                .setUrl(word.url() != null ? word.url() : withoutQuery(page.url()))
                .setObservedAt(readAt)
                .setStatedAt(word.statedAt())
                .build());
      }
    }
    return changed;
  }

  private void succeeded(Page page, Cache cache, Instant readAt) {
    if (cache.lastError != null) {
      LOG.info("status page {} can be read again", page.name());
      cache.lastError = null;
    }
    PageHealth before = health.get(page.name());
    health.put(page.name(), new PageHealth(readAt, null, before.failures()));
  }

  private List<VendorStatus> failed(Page page, Cache cache, String why) {
    if (!why.equals(cache.lastError)) {
      // the URL without its query: a page's URL may carry a token
      LOG.warn(
          "status page {} ({}) {}; its last word stands",
          page.name(),
          withoutQuery(page.url()),
          why);
      cache.lastError = why;
    }
    PageHealth before = health.get(page.name());
    health.put(page.name(), new PageHealth(before.lastRead(), why, before.failures() + 1));
    return List.of();
  }

  private static String withoutQuery(URI url) {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }
}
