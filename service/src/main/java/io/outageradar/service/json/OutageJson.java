package io.outageradar.service.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.VendorView;
import java.time.Duration;
import java.time.Instant;

/** The JSON shape of an outage, shared by the demo summary, the backtest and the query API. */
public final class OutageJson {
  private OutageJson() {}

  public static ObjectNode of(OutageEvent outage) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", outage.getOutageId());
    node.put("service", outage.getService());
    node.put("scope", outage.getScope().name());
    outage.getRegions().forEach(node.putArray("regions")::add);
    node.put("onset", iso(outage.getOnset()));
    node.put("confirmedAt", iso(outage.getConfirmedAt()));
    node.put("resolvedAt", iso(outage.getResolvedAt()));
    node.put("cause", outage.getCause().name());
    node.put(
        "detectionSeconds",
        Duration.between(outage.getOnset(), outage.getConfirmedAt()).toSeconds());
    node.put("state", outage.getState().name());
    node.put("reports", outage.getReports());
    if (outage.getMeanSentiment() != null) {
      node.put("meanSentiment", Math.round(outage.getMeanSentiment() * 10_000) / 10_000.0);
    } else {
      node.putNull("meanSentiment");
    }
    VendorView vendor = outage.getVendorSays();
    if (vendor != null) {
      ObjectNode says = node.putObject("vendor");
      says.put("name", vendor.getVendor());
      says.put("acknowledged", vendor.getAcknowledged());
      says.put("state", vendor.getState().name());
      says.put("incident", vendor.getIncident());
      says.put("url", vendor.getUrl());
      says.put("saidAt", iso(vendor.getSaidAt()));
    }
    return node;
  }

  public static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
