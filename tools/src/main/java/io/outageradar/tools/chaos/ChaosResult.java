package io.outageradar.tools.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.tools.BusinessOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a chaos run's outcome compares with the backtest of the same events. {@code equal} means the
 * same outages (ids, scope, regions, cause, onset, confirmation, resolution) and the same pages.
 */
public record ChaosResult(
    int extraOutages,
    int missingOutages,
    int wrongOutages,
    int duplicateTriggers,
    int missingResolves,
    int pages,
    int kills,
    int brokerRestarts,
    boolean equal,
    List<String> differences) {

  /**
   * This result, and what each business was told live against the backtest's ({@code
   * the differences name each business told otherwise): equal only if every business was told
   * the same, at the same event time, through the same contacts, with the same loss.
   */
  public ChaosResult withBusinesses(List<BusinessOutcome> expected, List<BusinessOutcome> live) {
    List<String> all = new ArrayList<>(differences);
    Map<String, BusinessOutcome> got = new TreeMap<>();
    live.forEach(business -> got.put(business.id(), business));
    for (BusinessOutcome wanted : expected) {
      BusinessOutcome business = got.get(wanted.id());
      if (business == null || !business.notices().equals(wanted.notices())) {
        all.add(
            "business "
                + wanted.id()
                + " told "
                + (business == null ? "nothing" : describe(business))
                + " where the backtest has "
                + describe(wanted));
      }
    }
    return new ChaosResult(
        extraOutages,
        missingOutages,
        wrongOutages,
        duplicateTriggers,
        missingResolves,
        pages,
        kills,
        brokerRestarts,
        equal && all.size() == differences.size(),
        List.copyOf(all));
  }

  private static String describe(BusinessOutcome business) {
    return business.notices().stream()
        .map(
            told ->
                told.action()
                    + " "
                    + told.outageId()
                    + " "
                    + told.at()
                    + " via "
                    + told.via()
                    + " loss "
                    + told.loss())
        .toList()
        .toString();
  }

  /** The public {@code --json} contract; fields are only ever added. */
  public String json() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("extraOutages", extraOutages)
        .put("missingOutages", missingOutages)
        .put("wrongOutages", wrongOutages)
        .put("duplicateTriggers", duplicateTriggers)
        .put("missingResolves", missingResolves)
        .put("pages", pages)
        .put("kills", kills)
        .put("brokerRestarts", brokerRestarts)
        .put("verdict", equal ? "equal" : "different");
    differences.forEach(root.putArray("differences")::add);
    return root.toString();
  }

  public String summary() {
    StringBuilder out =
        new StringBuilder(
            "outage-radar chaos: "
                + kills
                + " kill(s), "
                + brokerRestarts
                + " broker restart(s), "
                + pages
                + " page(s): "
                + (equal ? "the same outcome as the backtest" : "DIFFERENT from the backtest")
                + "\n");
    differences.forEach(d -> out.append("  ").append(d).append('\n'));
    return out.toString();
  }

  static String describe(OutageEvent o) {
    return o.getOutageId()
        + " "
        + o.getScope()
        + " "
        + o.getRegions()
        + " "
        + o.getCause()
        + " onset "
        + o.getOnset()
        + " confirmed "
        + o.getConfirmedAt()
        + " resolved "
        + o.getResolvedAt();
  }

  /** Pages as a set (re-deliveries and re-notifications aside), in event-time order. */
  static List<String> pageSet(List<Page> pages) {
    return pages.stream()
        .filter(p -> !p.getRenotify())
        .sorted(
            Comparator.comparing(Page::getAt)
                .thenComparing(Page::getDedupKey)
                .thenComparing(Page::getAction))
        .map(p -> p.getDedupKey() + " " + p.getAction() + " " + p.getAt() + " " + p.getRegions())
        .distinct()
        .toList();
  }
}
