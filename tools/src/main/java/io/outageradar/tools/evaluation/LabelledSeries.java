package io.outageradar.tools.evaluation;

import java.time.Instant;

/** A series with the indices of its labelled anomalies. */
public record LabelledSeries(String name, Instant[] times, double[] values, int[] labels) {}
