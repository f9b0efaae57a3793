package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeResult;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs every target every interval, each on its own schedule with a random offset (so agents do not
 * all hit a service at once), on a bounded pool: a slow target holds one worker for at most its
 * timeout and never delays the others' schedules; a round of a target that is still running is
 * skipped rather than queued.
 */
public final class ProbeRunner implements AutoCloseable {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers;
  private final Semaphore slots;

  private ProbeRunner(int concurrency) {
    this.workers = Executors.newFixedThreadPool(concurrency);
    this.slots = new Semaphore(concurrency);
  }

  public static ProbeRunner start(
      TargetsFile targets,
      String region,
      String agent,
      int concurrency,
      Clock clock,
      Consumer<ProbeResult> publish) {
    ProbeRunner runner = new ProbeRunner(concurrency);
    SplittableRandom jitter = new SplittableRandom();
    long intervalMs = targets.interval().toMillis();
    for (ProbeTarget target : targets.targets()) {
      Semaphore running = new Semaphore(1);
      runner.scheduler.scheduleAtFixedRate(
          () -> {
            if (!running.tryAcquire()) {
              return; // the previous round of this target has not finished: skip, do not pile up
            }
            if (!runner.slots.tryAcquire()) {
              running.release();
              return;
            }
            runner.workers.execute(
                () -> {
                  try {
                    CheckOutcome outcome = target.run();
                    if (Thread.currentThread().isInterrupted()) {
                      return; // the runner is closing: a check cut short says nothing about the
                      // target
                    }
                    publish.accept(
                        ProbeResult.newBuilder()
                            .setProbeId(UUID.randomUUID().toString())
                            .setService(target.service())
                            .setRegion(region)
                            .setAgent(agent)
                            .setKind(target.kind())
                            .setTarget(target.target())
                            .setStatus(outcome.status())
                            .setLatencyMs(outcome.latencyMs())
                            .setObservedAt(clock.instant())
                            .setHttpStatus(outcome.httpStatus())
                            .setCertDaysToExpiry(outcome.certDaysToExpiry())
                            .setDetail(outcome.detail())
                            .setFailedCondition(outcome.failedCondition())
                            .build());
                  } finally {
                    runner.slots.release();
                    running.release();
                  }
                });
          },
          jitter.nextLong(intervalMs),
          intervalMs,
          TimeUnit.MILLISECONDS);
    }
    return runner;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    workers.shutdownNow();
  }
}
