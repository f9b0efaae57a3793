package io.outageradar.pager;

import io.outageradar.avro.Page;
import java.util.List;

/** The business impact of a page's outage as region-impact last reported it, for the page's details. */
@FunctionalInterface
public interface ImpactView {
  ImpactView NONE = page -> List.of();

  /** Estimated loss so far per currency, in minor units, over the page's regions that list its outage; empty when unknown. */
  List<Loss> of(Page page);

  record Loss(String currency, long amountMinor) {}
}
