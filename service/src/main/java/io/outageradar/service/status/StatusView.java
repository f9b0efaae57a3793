package io.outageradar.service.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.Money;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageState;
import io.outageradar.avro.RegionWindowHealth;
import io.outageradar.avro.ReportCategory;
import io.outageradar.avro.ReportWindowStats;
import io.outageradar.avro.ScoredReport;
import io.outageradar.detection.impact.OutageLoss;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.service.json.OutageJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The status page's picture of every service, built from the pipeline's output topics (outages,
 * region health, report health, scored reports) and answered as JSON. Time is the view's event
 * time: the latest window end or report it has read, never the wall clock, so a replay of 2021
 * shows 2021 and durations and losses "so far" are the same on every instance.
 *
 * <p>Every instance builds the whole view (it reads all partitions), so the page needs no
 * forwarding and its live updates do not stop when the stream tasks move in a rebalance.
 */
public final class StatusView {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int RECENT_OUTAGES = 20;
  private static final int SERVICE_OUTAGES = 50;

  /** How far a service's data may trail the front and still be current: a few windows. */
  static final Duration CURRENT_WITHIN = Duration.ofMinutes(2);

  /**
   * A view further behind the wall clock than this is a replay of history, judged against its own
   * newest data only; nearer, it is live and judged against the clock too.
   */
  static final Duration LIVE_HORIZON = Duration.ofDays(1);

  /** One change the page should hear about: its SSE event type, id and data. */
  public record Change(String type, long id, ObjectNode data) {}

  private final OutageLoss loss;
  private final boolean publicMode;
  private final Map<String, OutageEvent> outages = new HashMap<>();
  private final Map<String, ServiceHistory> services = new TreeMap<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private Instant now = Instant.EPOCH;

  /**
   * Counts applied records other than outage changes (windows, report minutes, report texts): they
   * change what a page shows but are far too many to be events of their own.
   */
  private volatile long dataVersion;

  /** {@code publicMode} leaves revenue and losses out of every answer. */
  public StatusView(RevenueTable revenue, boolean publicMode) {
    this(revenue, publicMode, Clock.systemUTC());
  }

  /** As above; {@code clock} tells whether a service's data is behind a live view. */
  public StatusView(RevenueTable revenue, boolean publicMode, Clock clock) {
    this.loss = new OutageLoss(revenue);
    this.publicMode = publicMode;
    this.clock = clock;
  }

  /** Hears every change after it is applied; called on the thread that feeds the view. */
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** Applies one record of the pipeline's outputs; other records are ignored. */
  public void accept(SpecificRecord record) {
    acceptAll(List.of(record));
  }

  /**
   * Applies records in order under one hold of the view's lock, so that the feed reading a history
   * is not made to wait for a turn at every record while many pages ask for answers.
   */
  public void acceptAll(List<SpecificRecord> records) {
    List<Change> changes = new ArrayList<>();
    synchronized (this) {
      for (SpecificRecord record : records) {
        Change change = applyOne(record);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    for (Change change : changes) {
      listeners.forEach(listener -> listener.accept(change));
    }
  }

  private Change applyOne(SpecificRecord record) {
    if (record instanceof OutageEvent outage) {
      return apply(outage);
    }
    Change change = null;
    if (record instanceof RegionWindowHealth window) {
      change = newService(window.getService(), window.getWindowEnd());
      services.get(window.getService()).add(window);
      reach(window.getService(), window.getWindowEnd());
    } else if (record instanceof ReportWindowStats stats) {
      change = newService(stats.getService(), stats.getWindowEnd());
      services.get(stats.getService()).add(stats);
      reach(stats.getService(), stats.getWindowEnd());
    } else if (record instanceof ScoredReport report) {
      service(report.getReport().getService()).add(report);
      reach(report.getReport().getService(), report.getReport().getReportedAt());
    } else {
      return null; // not a record the view shows
    }
    dataVersion++; // written under the view's lock only
    return change;
  }

  private Change apply(OutageEvent outage) {
    service(outage.getService());
    OutageEvent before = outages.put(outage.getOutageId(), outage);
    if (before != null && before.getUpdatedAt().isAfter(outage.getUpdatedAt())) {
      outages.put(outage.getOutageId(), before); // an older copy read late changes nothing
      return null;
    }
    reach(outage.getService(), outage.getUpdatedAt());
    return new Change("outage", outage.getUpdatedAt().toEpochMilli(), outageJson(outage));
  }

  private Change newService(String service, Instant seenAt) {
    if (services.containsKey(service)) {
      return null;
    }
    service(service);
    ObjectNode data = JSON.objectNode().put("service", service);
    return new Change("service", seenAt.toEpochMilli(), data);
  }

  private ServiceHistory service(String name) {
    return services.computeIfAbsent(name, n -> new ServiceHistory());
  }

  private void reach(String service, Instant eventTime) {
    services.get(service).reach(eventTime);
    advance(eventTime);
  }

  private void advance(Instant eventTime) {
    if (eventTime.isAfter(now)) {
      boolean newHour =
          !eventTime.truncatedTo(ChronoUnit.HOURS).equals(now.truncatedTo(ChronoUnit.HOURS));
      now = eventTime;
      if (newHour) {
        services.values().forEach(history -> history.forgetBefore(now));
        // the page shows 90 days; older resolved outages would only grow the view
        Instant oldest = now.minus(ServiceHistory.DAYS_KEPT);
        outages
            .values()
            .removeIf(o -> o.getResolvedAt() != null && o.getResolvedAt().isBefore(oldest));
      }
    }
  }

  /** Grows whenever a window, report minute or report text is applied. */
  public long dataVersion() {
    return dataVersion;
  }

  /** Changes with an id at or after {@code id}, oldest first: what a reconnecting page missed. */
  public synchronized List<Change> outageChangesSince(long id) {
    return outages.values().stream()
        .filter(o -> o.getUpdatedAt().toEpochMilli() >= id)
        .sorted(Comparator.comparing(OutageEvent::getUpdatedAt))
        .map(o -> new Change("outage", o.getUpdatedAt().toEpochMilli(), outageJson(o)))
        .toList();
  }

  /**
   * Every service with its state now, open outages first, the latest resolved ones, and regions.
   */
  public synchronized ObjectNode overview() {
    ObjectNode body = JSON.objectNode();
    body.put("asOf", now.toString());
    body.put("public", publicMode);
    List<OutageEvent> open =
        outages.values().stream()
            .filter(StatusView::isOpen)
            .sorted(
                Comparator.comparing(OutageEvent::getOnset).thenComparing(OutageEvent::getOutageId))
            .toList();
    ArrayNode serviceList = body.putArray("services");
    services.keySet().forEach(service -> serviceList.add(serviceState(service, open)));
    ArrayNode openList = body.putArray("openOutages");
    open.forEach(outage -> openList.add(outageJson(outage)));
    ArrayNode recent = body.putArray("recentOutages");
    outages.values().stream()
        .filter(o -> o.getState() == OutageState.RESOLVED && o.getMergedInto() == null)
        .sorted(Comparator.comparing(OutageEvent::getResolvedAt).reversed())
        .limit(RECENT_OUTAGES)
        .forEach(outage -> recent.add(outageJson(outage)));
    ObjectNode regions = body.putObject("regions");
    Map<String, TreeSet<String>> byRegion = new TreeMap<>();
    Map<String, String> impact = new HashMap<>();
    for (OutageEvent outage : open) {
      for (String region : outage.getRegions()) {
        byRegion.computeIfAbsent(region, r -> new TreeSet<>()).add(outage.getService());
        impact.merge(region, level(outage), StatusView::worse);
      }
    }
    byRegion.forEach(
        (region, affected) -> {
          ObjectNode node = regions.putObject(region);
          node.put("state", impact.get(region));
          affected.forEach(node.putArray("services")::add);
        });
    // incidents: an outage merged into a global one is part of it, not one more
    body.put(
        "outagesInHistory",
        outages.values().stream().filter(o -> o.getMergedInto() == null).count());
    return body;
  }

  private ObjectNode serviceState(String service, List<OutageEvent> open) {
    ObjectNode node = JSON.objectNode().put("service", service);
    List<OutageEvent> its = open.stream().filter(o -> o.getService().equals(service)).toList();
    String state = its.stream().map(StatusView::level).reduce("operational", StatusView::worse);
    node.put("state", state);
    if (!its.isEmpty()) {
      OutageEvent first = its.get(0);
      node.put("scope", first.getScope().name());
      node.put("cause", first.getCause().name());
      node.put("since", first.getOnset().toString());
      TreeSet<String> regions = new TreeSet<>();
      its.forEach(o -> regions.addAll(o.getRegions()));
      regions.forEach(node.putArray("regions")::add);
    }
    node.put("openOutages", its.size());
    catchUp(node, services.get(service).reached);
    return node;
  }

  /**
   * Each service's partition of the pipeline reaches its own event time: while one lags (a
   * catch-up, a slow task), its state is of an earlier moment than the others', and the page says
   * so rather than show one "as of" for all. The front is the newest data on the page, or the wall
   * clock while the view is live.
   */
  private void catchUp(ObjectNode node, Instant reached) {
    Instant wall = clock.instant();
    boolean live = now.isBefore(wall) && Duration.between(now, wall).compareTo(LIVE_HORIZON) < 0;
    Duration behind = Duration.between(reached, live ? wall : now);
    node.put("dataUntil", reached.toString());
    boolean catchingUp = behind.compareTo(CURRENT_WITHIN) > 0;
    node.put("catchingUp", catchingUp);
    if (catchingUp) {
      node.put("behindSeconds", behind.toSeconds());
    }
  }

  /** One outage with its duration so far and, unless public, its loss per currency. */
  public synchronized Optional<ObjectNode> outage(String id) {
    return Optional.ofNullable(outages.get(id)).map(this::outageJson);
  }

  /** The service's page: 90 days of uptime and outages, 24 hours of reports, categories. */
  public synchronized Optional<ObjectNode> history(String service) {
    ServiceHistory history = services.get(service);
    if (history == null) {
      return Optional.empty();
    }
    ObjectNode body = JSON.objectNode().put("service", service).put("asOf", now.toString());
    List<OutageEvent> its =
        outages.values().stream()
            .filter(o -> o.getService().equals(service) && o.getMergedInto() == null)
            .sorted(Comparator.comparing(OutageEvent::getOnset).reversed())
            .toList();
    Instant firstDay =
        now.truncatedTo(ChronoUnit.DAYS).minus(ServiceHistory.DAYS_KEPT).plus(Duration.ofDays(1));
    ArrayNode days = body.putArray("days");
    Map<Instant, Long> outagesPerDay = outagesPerDay(its, firstDay);
    Map<String, ServiceHistory.DayCount> total = new TreeMap<>();
    for (Instant day = firstDay; !day.isAfter(now); day = day.plus(Duration.ofDays(1))) {
      ObjectNode node = days.addObject().put("day", day.toString().substring(0, 10));
      Map<String, ServiceHistory.DayCount> counts = history.days.getOrDefault(day, Map.of());
      ObjectNode regions = node.putObject("uptime");
      counts.forEach(
          (region, count) -> {
            regions.put(region, percent(count));
            total.merge(
                region,
                count,
                (a, b) ->
                    new ServiceHistory.DayCount(a.windows() + b.windows(), a.down() + b.down()));
          });
      node.put("outages", outagesPerDay.getOrDefault(day, 0L));
    }
    ObjectNode uptime = body.putObject("uptime");
    total.forEach((region, count) -> uptime.put(region, percent(count)));
    ArrayNode outageList = body.putArray("outages");
    its.stream()
        .filter(o -> overlaps(o, firstDay, now.plusMillis(1)))
        .limit(SERVICE_OUTAGES)
        .forEach(o -> outageList.add(outageJson(o)));
    ArrayNode reports = body.putArray("reports");
    history
        .reportWindows
        .values()
        .forEach(
            point -> {
              ObjectNode node =
                  reports
                      .addObject()
                      .put("t", point.windowStart().toString())
                      .put("reports", point.reports())
                      .put("baseline", round(point.baseline()))
                      .put("low", round(Math.max(0, point.baseline() - 3 * point.baselineSpread())))
                      .put("high", round(point.baseline() + 3 * point.baselineSpread()))
                      .put("anomalous", point.anomalous());
              if (point.sentimentWeight() > 0) {
                node.put("sentiment", round(point.sentimentSum() / point.sentimentWeight()));
              } else {
                node.putNull("sentiment");
              }
            });
    ArrayNode categories = body.putArray("categories");
    history.categories().entrySet().stream()
        .sorted(Map.Entry.<ReportCategory, Long>comparingByValue().reversed())
        .forEach(
            e ->
                categories
                    .addObject()
                    .put("category", e.getKey().name())
                    .put("reports", e.getValue()));
    return Optional.of(body);
  }

  /** The service's latest report texts, newest first, without who sent them. */
  public synchronized Optional<ArrayNode> recentReports(String service, int limit) {
    ServiceHistory history = services.get(service);
    if (history == null) {
      return Optional.empty();
    }
    ArrayNode list = JSON.arrayNode();
    history.latestReports.descendingMap().values().stream()
        .limit(limit)
        .forEach(
            scored ->
                list.addObject()
                    .put("reportedAt", scored.getReport().getReportedAt().toString())
                    .put("region", scored.getReport().getRegion())
                    .put("category", scored.getReport().getCategory().name())
                    .put("text", scored.getReport().getText())
                    .put("sentiment", round(scored.getCompound()))
                    .put("lang", scored.getLang()));
    return Optional.of(list);
  }

  public synchronized boolean knows(String service) {
    return services.containsKey(service);
  }

  private ObjectNode outageJson(OutageEvent outage) {
    ObjectNode node = OutageJson.of(outage);
    Instant end = outage.getResolvedAt() != null ? outage.getResolvedAt() : now;
    node.put("durationSeconds", Math.max(0, Duration.between(outage.getOnset(), end).toSeconds()));
    if (!publicMode) {
      ArrayNode amounts = node.putArray("loss");
      for (Money money : loss.total(outage, end)) {
        int digits = Currency.getInstance(money.getCurrency()).getDefaultFractionDigits();
        amounts
            .addObject()
            .put("currency", money.getCurrency())
            .put("amountMinor", money.getAmountMinor())
            .put(
                "amount",
                BigDecimal.valueOf(money.getAmountMinor(), Math.max(0, digits)).toPlainString());
      }
    }
    return node;
  }

  private static boolean isOpen(OutageEvent outage) {
    return outage.getState() != OutageState.RESOLVED && outage.getMergedInto() == null;
  }

  /**
   * How many of {@code outages} touch each day from {@code firstDay} to today (as {@link #overlaps}
   * with the day): each outage is walked over the days it spans once, rather than every outage
   * tested against each of the 90 days.
   */
  private Map<Instant, Long> outagesPerDay(List<OutageEvent> outages, Instant firstDay) {
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    Map<Instant, Long> perDay = new HashMap<>();
    for (OutageEvent outage : outages) {
      Instant onsetDay = outage.getOnset().truncatedTo(ChronoUnit.DAYS);
      Instant from = onsetDay.isBefore(firstDay) ? firstDay : onsetDay;
      Instant to =
          outage.getResolvedAt() == null || outage.getResolvedAt().isAfter(now)
              ? today
              : outage.getResolvedAt().truncatedTo(ChronoUnit.DAYS);
      for (Instant day = from; !day.isAfter(to); day = day.plus(Duration.ofDays(1))) {
        perDay.merge(day, 1L, Long::sum);
      }
    }
    return perDay;
  }

  private static boolean overlaps(OutageEvent outage, Instant from, Instant to) {
    return outage.getOnset().isBefore(to)
        && (outage.getResolvedAt() == null || !outage.getResolvedAt().isBefore(from));
  }

  /** Confirmed outages are outages; suspected, degraded and recovering ones degrade. */
  private static String level(OutageEvent outage) {
    return outage.getState() == OutageState.CONFIRMED ? "outage" : "degraded";
  }

  private static String worse(String a, String b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(String level) {
    return switch (level) {
      case "outage" -> 2;
      case "degraded" -> 1;
      default -> 0;
    };
  }

  private static double percent(ServiceHistory.DayCount count) {
    return count.windows() == 0
        ? 100.0
        : round(100.0 * (count.windows() - count.down()) / count.windows());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
