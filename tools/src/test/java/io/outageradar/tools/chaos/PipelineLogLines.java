package io.outageradar.tools.chaos;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The log lines of an in-process pipeline run that say how a live outcome can part from the
 * backtest's — a record dropped as late, a silence taken for the end of an input, a stream thread
 * replaced, tasks closed dirty or migrated — kept so that a failing comparison quotes them: the CI
 * shows only the end of a run's output.
 */
final class PipelineLogLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private static final Pattern TELLING =
      Pattern.compile(
          "came after its window closed|taken for the end of the input|died|dirty|migrated"
              + "|fenced|corrupted|lost|revok",
          Pattern.CASE_INSENSITIVE);
  private static final int KEPT = 40;

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private PipelineLogLines() {}

  /** Starts keeping the telling lines logged from now on, by any thread of this JVM. */
  static PipelineLogLines capture() {
    PipelineLogLines appender = new PipelineLogLines();
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    root().addAppender(appender);
    return appender;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    if (lines.size() < KEPT && message != null && TELLING.matcher(message).find()) {
      lines.add(event.getLevel() + " " + event.getLoggerName() + ": " + message);
    }
  }

  /** What was kept, one line each; says so when nothing telling was logged. */
  String told() {
    return lines.isEmpty()
        ? "(no late record, end of input, replaced thread or dirty close was logged)"
        : String.join("\n", lines);
  }

  @Override
  public void close() {
    root().detachAppender(this);
    stop();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
