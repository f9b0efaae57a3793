package io.outageradar.service.cli;

import io.outageradar.service.config.ConfigException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * How a command that failed ends: one line on stderr naming what went wrong (the file, port or
 * setting), exit 2 for a bad setting and 1 for anything else, and the stack trace only with {@code
 * --verbose}.
 */
public final class CliErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
    command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + describe(error));
    if (verbose(parsed)) {
      error.printStackTrace(command.getErr());
    }
    return error instanceof ConfigException ? OutageRadar.EXIT_USAGE : OutageRadar.EXIT_FAILURE;
  }

  /**
   * One line for an error: the reasons the JDK words poorly (a bare path, "Address already in use")
   * said plainly.
   */
  static String describe(Throwable error) {
    Throwable cause =
        error instanceof UncheckedIOException && error.getCause() != null
            ? error.getCause()
            : error;
    if (cause instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (cause instanceof AccessDeniedException denied) {
      return "not allowed to read or write " + denied.getFile();
    }
    if (cause instanceof FileNotFoundException notFound) {
      return "cannot open " + notFound.getMessage();
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof BindException) {
      return cause.getMessage() == null ? "a port is already in use" : cause.getMessage();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }

  private static boolean verbose(ParseResult parsed) {
    return parsed.asCommandLineList().stream()
        .anyMatch(
            cli ->
                cli.getParseResult() != null && cli.getParseResult().hasMatchedOption("--verbose"));
  }
}
