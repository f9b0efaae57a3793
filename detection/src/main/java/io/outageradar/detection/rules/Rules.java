package io.outageradar.detection.rules;

import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.impact.RevenueTable;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;

/**
 * Every rule the pipeline decides by, built once from the settings and passed whole: when a region
 * is down (probes), when reports are anomalous, when pages go out, and what an hour of outage
 * costs.
 */
public record Rules(
    DetectionConfig detection,
    ReportDetectionConfig reports,
    AlertConfig alerts,
    RevenueTable revenue) {

  /** Each rule's defaults, and no revenue. */
  public static Rules defaults() {
    return new Rules(
        DetectionConfig.defaults(),
        ReportDetectionConfig.defaults(),
        AlertConfig.defaults(),
        RevenueTable.empty());
  }

  public Rules withDetection(DetectionConfig value) {
    return new Rules(value, reports, alerts, revenue);
  }

  public Rules withReports(ReportDetectionConfig value) {
    return new Rules(detection, value, alerts, revenue);
  }

  public Rules withAlerts(AlertConfig value) {
    return new Rules(detection, reports, value, revenue);
  }

  public Rules withRevenue(RevenueTable value) {
    return new Rules(detection, reports, alerts, value);
  }
}
