package io.outageradar.streams.detection;

import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ScoredReport;
import io.outageradar.avro.VendorStatus;
import io.outageradar.detection.DetectionConfig;
import io.outageradar.detection.reports.ReportDetectionConfig;
import io.outageradar.detection.rules.Rules;
import io.outageradar.streams.LiveInputs;
import io.outageradar.streams.StoreNames;
import io.outageradar.streams.lifecycle.LifecycleSteps;
import io.outageradar.streams.lifecycle.PendingVerdicts;
import io.outageradar.streams.placement.PlacementProgress;
import io.outageradar.streams.probe.ProbeWindows;
import io.outageradar.streams.reports.ReportMinutes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes, scored reports and status-page statements of the services one task owns → probe window
 * verdicts, report minutes and outage changes, decided in event time only.
 *
 * <p>Why one processor: the inputs are partitioned by service, so one task sees every region and
 * both signals of a service, with no repartition in between. Each input has its own clock ({@link
 * InputClock}): probe windows close on the probes' time, report minutes on the reports' time, and a
 * record is late only against its own input. Closed verdicts wait in a store until both inputs have
 * passed their window end plus the grace, and are then applied in window-end order. So what comes
 * out is a function of the records alone — not of replay speed, lag, restarts, or which input the
 * consumer happened to fetch first; the clocks are stored with the windows, so a restart resumes
 * exactly where the last commit left off.
 *
 * <p>The wall clock only speaks for an input that is truly idle: nothing arrived on it for {@code
 * idleAdvanceAfter} (less when both inputs are live: {@link LiveInputs}), and either nothing
 * arrived on the task at all while the task has processed everything the broker holds of both
 * inputs and their placement holds nothing back ({@link PlacementProgress}), or the other input is
 * live (its event time within {@link LiveInputs#WITHIN_MS} of the wall clock) and this input, too,
 * has nothing left to process, so the silence cannot be a backlog not processed yet. The idle
 * input's clock then follows the wall clock, so its last windows close, and the other input stops
 * waiting for it — or, while that clock is live, waits only for it. A verdict of an input that
 * comes back after that is applied when it arrives. While a replay or a catch-up runs through
 * historical time, the wall clock decides nothing until everything has been read; then every window
 * closes.
 */
final class DetectionProcessor
    implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(DetectionProcessor.class);

  private final Rules rules;
  private final DetectionConfig config;
  private final ReportDetectionConfig reportConfig;
  private final long graceMs;

  /**
   * Moving a clock this far closes every window open at its time: the longest window plus the
   * grace.
   */
  private final long flushMs;

  private ProcessorContext<String, SpecificRecord> context;
  private ProbeWindows probes;
  private ReportMinutes reports;
  private PendingVerdicts pending;
  private InputClock probeClock;
  private InputClock reportClock;
  private InputClock vendorClock;
  private Sensor lateProbes;
  private Sensor lateReports;

  private long wallAtLastRecord;
  private long lastLateLogged = Long.MIN_VALUE / 2;

  /** The input topics, and how to tell whether the task has processed all of them. */
  record Inputs(
      String probeTopic,
      String reportTopic,
      String vendorTopic,
      PlacementProgress placed,
      Settling settling) {}

  private final Inputs inputs;

  DetectionProcessor(Rules rules, Inputs inputs) {
    this.rules = rules;
    this.config = rules.detection();
    this.inputs = inputs;
    this.reportConfig = rules.reports();
    this.graceMs = config.grace().toMillis();
    this.flushMs = Math.max(config.window().toMillis(), ReportMinutes.MINUTE.toMillis()) + graceMs;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.probes = new ProbeWindows(context.getStateStore(StoreNames.PROBE_WINDOWS), config);
    this.reports =
        new ReportMinutes(
            reportConfig,
            config.grace(),
            context.getStateStore(StoreNames.REPORT_WINDOWS),
            context.getStateStore(StoreNames.REPORTERS_SEEN),
            context.getStateStore(StoreNames.REPORT_BASELINE));
    this.pending =
        new PendingVerdicts(
            context.getStateStore(StoreNames.LIFECYCLE_PENDING),
            new LifecycleSteps(rules, context.getStateStore(StoreNames.OUTAGE_LIFECYCLE)));
    KeyValueStore<String, Long> clocks = context.getStateStore(StoreNames.DETECTION_CLOCKS);
    long now = context.currentSystemTimeMs();
    this.probeClock = new InputClock("probes", clocks, now);
    this.reportClock = new InputClock("reports", clocks, now);
    this.vendorClock = new InputClock("vendors", clocks, now);
    this.wallAtLastRecord = now;
    String task = context.taskId().toString();
    this.lateProbes =
        context
            .metrics()
            .addRateTotalSensor(
                "outage-radar", task, "late-probes-dropped", Sensor.RecordingLevel.INFO);
    this.lateReports =
        context
            .metrics()
            .addRateTotalSensor(
                "outage-radar", task, "late-reports-dropped", Sensor.RecordingLevel.INFO);
    context.schedule(
        Duration.ofMillis(Math.min(idleMs() / 2 + 1, LiveInputs.SILENCE_MS / 2)),
        PunctuationType.WALL_CLOCK_TIME,
        this::checkIdle);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    long time = record.timestamp();
    wallAtLastRecord = context.currentSystemTimeMs();
    if (record.value() instanceof ProbeResult probe) {
      if (!probes.add(record.key(), probe, time, probeClock.time())) {
        lateProbes.record();
        tellLate("probe", record.key(), time, probeClock.time());
      }
      probeClock.observe(time);
      closeProbeWindows();
    } else if (record.value() instanceof ScoredReport report) {
      if (!reports.add(record.key(), report, time, reportClock.time())) {
        lateReports.record();
        tellLate("report", record.key(), time, reportClock.time());
      }
      reportClock.observe(time);
      closeReportMinutes();
    } else if (record.value() instanceof VendorStatus statement) {
      // held even when older than the clock: a page's word is state, not a count, and is never lost
      pending.hold(statement);
      vendorClock.observe(time);
    } else {
      throw new IllegalArgumentException(
          "not an input of detection: " + record.value().getSchema().getName());
    }
    release();
  }

  /**
   * A record that came after its window closed counts nowhere: said once a minute (wall clock) per
   * task, with the first such record, so that a lost window is never silent (the sensors count them
   * all).
   */
  private void tellLate(String what, String key, long time, long clock) {
    long now = context.currentSystemTimeMs();
    if (now - lastLateLogged >= 60_000) {
      lastLateLogged = now;
      LOG.warn(
          "task {}: a {} of {} at {} came after its window closed (stream time {}) and counts"
              + " nowhere; more are counted in the late-*-dropped metrics",
          context.taskId(),
          what,
          key,
          Instant.ofEpochMilli(time),
          Instant.ofEpochMilli(clock));
    }
  }

  private void closeProbeWindows() {
    probes.closeUpTo(
        probeClock.time(),
        verdict -> {
          pending.hold(verdict);
          context.forward(
              new Record<>(
                  verdict.getService() + '|' + verdict.getRegion(),
                  verdict,
                  verdict.getWindowEnd().toEpochMilli()));
        });
  }

  private void closeReportMinutes() {
    reports.closeUpTo(
        reportClock.time(),
        minute -> {
          pending.hold(minute);
          context.forward(
              new Record<>(
                  minute.getService() + '|' + minute.getRegion(),
                  minute,
                  minute.getWindowEnd().toEpochMilli()));
        });
  }

  /** Applies the held verdicts that every input still holding back has passed. */
  private void release() {
    long upTo = releasableUpTo();
    if (upTo != InputClock.NONE) {
      pending.releaseUpTo(upTo, this::forwardChange);
    }
  }

  /**
   * The latest window end every input that holds back has closed (an input's windows close at its
   * time minus the grace); everything when none holds back; nothing while probes or reports have
   * not been heard from, or while status pages have something not yet processed.
   */
  private long releasableUpTo() {
    long upTo = Long.MAX_VALUE;
    long liveFrom = context.currentSystemTimeMs() - LiveInputs.WITHIN_MS;
    for (InputClock clock : List.of(probeClock, reportClock)) {
      if (clock.holdsBack(liveFrom)) {
        if (!clock.seen()) {
          return InputClock.NONE;
        }
        upTo = Math.min(upTo, clock.time() - graceMs);
      }
    }
    // Status pages speak rarely and most services have none: their input holds back only while it
    // has records this task has not processed, or until its last statement is older than the
    // grace and it has been quiet (idle) — never because it is silent.
    if (vendorClock.seen() ? vendorClock.holdsBack() : !vendorsDrained()) {
      if (!vendorClock.seen()) {
        return InputClock.NONE;
      }
      upTo = Math.min(upTo, vendorClock.time() - graceMs);
    }
    return upTo;
  }

  private boolean vendorsDrained() {
    return inputs.placed().drained(inputs.vendorTopic(), context.taskId().partition());
  }

  private long idleMs() {
    return config.idleAdvanceAfter().toMillis();
  }

  private void forwardChange(OutageEvent change) {
    context.forward(
        new Record<>(change.getOutageId(), change, change.getUpdatedAt().toEpochMilli()));
  }

  private void checkIdle(long wallNow) {
    int partition = context.taskId().partition();
    boolean probesDrained = inputs.placed().drained(inputs.probeTopic(), partition);
    boolean reportsDrained = inputs.placed().drained(inputs.reportTopic(), partition);
    boolean vendorsDrained = vendorsDrained();
    boolean taskIdle =
        wallNow - wallAtLastRecord >= config.idleAdvanceAfter().toMillis()
            && probesDrained
            && reportsDrained
            && vendorsDrained;
    boolean probesLive = probeClock.seen() && LiveInputs.live(probeClock.time(), wallNow);
    boolean reportsLive = reportClock.seen() && LiveInputs.live(reportClock.time(), wallNow);
    // A task that went quiet in historical time is at the end of a replay or a catch-up: nothing
    // of that time can arrive any more, so every window closes at once instead of one silence at a
    // time.
    long jump = taskIdle && !probesLive && !reportsLive ? flushMs : 0;
    // ... but never into the time a live record may still come from: an input's silence counts
    // from its last move, which may lie long before the task went quiet (its records waited
    // behind the other input's), so the jump alone could carry its clock past the wall clock and
    // make the next live records late.
    long jumpCeiling = wallNow - LiveInputs.WITHIN_MS;
    long silenceMs = LiveInputs.idleAfter(probesLive && reportsLive, idleMs());
    long probesWere = probeClock.time();
    boolean probesWereIdle = !probeClock.holdsBack();
    // A live other input speaks for this one's silence only if this one has nothing left to
    // process: under load, its records may sit in the consumer or the placement for longer than
    // the idle time, and closing their windows first would drop them as late.
    if (probeClock.followWallClockIfIdle(
        wallNow, taskIdle || (reportsLive && probesDrained), silenceMs, jump, jumpCeiling)) {
      logEndOfInput("probes", jump, probesWereIdle, probesWere, probeClock.time());
      closeProbeWindows();
    }
    long reportsWere = reportClock.time();
    boolean reportsWereIdle = !reportClock.holdsBack();
    if (reportClock.followWallClockIfIdle(
        wallNow, taskIdle || (probesLive && reportsDrained), silenceMs, jump, jumpCeiling)) {
      logEndOfInput("reports", jump, reportsWereIdle, reportsWere, reportClock.time());
      closeReportMinutes();
    }
    // status pages speak rarely: their silence is idleness once everything they sent is processed
    vendorClock.followWallClockIfIdle(wallNow, vendorsDrained, idleMs(), jump, jumpCeiling);
    release();
    inputs
        .settling()
        .note(
            partition, taskIdle && probes.allClosed() && reports.allClosed() && pending.isEmpty());
  }

  /**
   * Says when a silence in historical time is taken for the end of an input: if the producer only
   * stalled (a broker lost, a slow network) for longer than {@code detection.idle-advance-after},
   * its records of the windows closed here come late and are dropped, and the log says why. Once
   * per silence: the clock goes on following the wall clock without a word.
   */
  private void logEndOfInput(String input, long jump, boolean wasIdle, long from, long to) {
    if (jump > 0 && !wasIdle) {
      LOG.info(
          "task {}: {} quiet for {} with everything processed, at {} (historical time): taken for"
              + " the end of the input; its windows up to {} close, and later records of that time"
              + " will be late",
          context.taskId(),
          input,
          config.idleAdvanceAfter(),
          Instant.ofEpochMilli(from),
          Instant.ofEpochMilli(to));
    }
  }
}
