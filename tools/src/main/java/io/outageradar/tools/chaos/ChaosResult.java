package io.outageradar.tools.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import java.util.Comparator;
import java.util.List;

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
