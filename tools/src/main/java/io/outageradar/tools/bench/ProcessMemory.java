package io.outageradar.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use five times a second and keeps the peak; reads the process's peak resident
 * set (VmHWM, which the kernel keeps) at the end. RSS includes the embedded broker: one process.
 */
final class ProcessMemory implements AutoCloseable {
  private final AtomicLong heapPeak = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "bench-memory-sampler");
            thread.setDaemon(true);
            return thread;
          });

  ProcessMemory() {
    sampler.scheduleAtFixedRate(
        () ->
            heapPeak.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
        0,
        200,
        TimeUnit.MILLISECONDS);
  }

  long heapPeakBytes() {
    return heapPeak.get();
  }

  /** Peak resident set size in bytes from /proc/self/status, or -1 where there is no /proc. */
  static long rssPeakBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static long directorySize(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
