package io.outageradar.streams.lifecycle;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.state.PageState;
import io.outageradar.detection.impact.OutageLoss;
import io.outageradar.detection.lifecycle.AlertConfig;
import io.outageradar.detection.lifecycle.Pages;
import io.outageradar.streams.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns outage changes into pages ({@link Pages}), holds back pages inside maintenance windows (and
 * the RESOLVE of a page that was held back), and re-sends the TRIGGER of an outage still open after
 * the re-notify interval of wall-clock time — on-call is a person, who may have missed it.
 */
final class AlertsProcessor implements Processor<String, OutageEvent, String, Page> {
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

  private final AlertConfig config;
  private final OutageLoss losses;
  private ProcessorContext<String, Page> context;
  private KeyValueStore<String, PageState> open;

  AlertsProcessor(AlertConfig config, OutageLoss losses) {
    this.config = config;
    this.losses = losses;
  }

  @Override
  public void init(ProcessorContext<String, Page> context) {
    this.context = context;
    this.open = context.getStateStore(StoreNames.OPEN_PAGES);
    if (!config.renotifyInterval().isZero()) {
      context.schedule(CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::renotify);
    }
  }

  @Override
  public void process(Record<String, OutageEvent> record) {
    long now = context.currentSystemTimeMs();
    for (Page page : Pages.forChange(record.value(), losses)) {
      String key = page.getDedupKey();
      if (page.getAction() == PageAction.TRIGGER) {
        boolean held =
            config.maintenance().stream()
                .anyMatch(w -> w.covers(page.getService(), page.getRegions(), page.getAt()));
        open.put(key, new PageState(page, Instant.ofEpochMilli(now), held));
        if (!held) {
          context.forward(new Record<>(key, page, page.getAt().toEpochMilli()));
        }
      } else {
        PageState state = open.get(key);
        open.delete(key);
        if (state == null || !state.getSuppressed()) {
          context.forward(new Record<>(key, page, page.getAt().toEpochMilli()));
        }
      }
    }
  }

  private void renotify(long now) {
    List<KeyValue<String, PageState>> due = new ArrayList<>();
    try (KeyValueIterator<String, PageState> all = open.all()) {
      all.forEachRemaining(
          entry -> {
            boolean elapsed =
                now - entry.value.getLastSentAt().toEpochMilli()
                    >= config.renotifyInterval().toMillis();
            if (!entry.value.getSuppressed() && elapsed) {
              due.add(entry);
            }
          });
    }
    for (KeyValue<String, PageState> entry : due) {
      Page again = Page.newBuilder(entry.value.getTrigger()).setRenotify(true).build();
      entry.value.setLastSentAt(Instant.ofEpochMilli(now));
      open.put(entry.key, entry.value);
      context.forward(new Record<>(entry.key, again, again.getAt().toEpochMilli()));
    }
  }
}
