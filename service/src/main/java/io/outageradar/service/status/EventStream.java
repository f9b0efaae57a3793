package io.outageradar.service.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /events}: the view's changes as Server-Sent Events. Each event's id is the event time
 * of its change (epoch ms); a page that reconnects sends the last one it saw as {@code
 * Last-Event-ID} and first gets every outage changed at or after it (the page applies them
 * idempotently), so nothing is missed while it was away — on this instance or on another one.
 *
 * <p>Windows, report minutes and report texts come by the thousand in a replay: they are told as
 * one {@code data} event at most every {@link #DATA_EVERY}, the last change included, and without
 * an id, so that a page that reconnects still resumes from the last outage change it saw.
 */
public final class EventStream {
  /** Browsers reconnect after this long. */
  private static final Duration RETRY = Duration.ofSeconds(2);

  /** A comment this often keeps proxies from closing a quiet stream and finds dead clients. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  /** At most one {@code data} event this often. */
  static final Duration DATA_EVERY = Duration.ofSeconds(2);

  /** A client further behind than this many changes is too slow: it is dropped and reconnects. */
  private static final int CLIENT_BACKLOG = 10_000;

  private static final int MAX_CLIENTS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatusView view;
  private final Set<BlockingQueue<StatusView.Change>> clients = ConcurrentHashMap.newKeySet();

  public EventStream(StatusView view) {
    this.view = view;
    view.onChange(
        change ->
            clients.forEach(
                queue -> {
                  if (!queue.offer(change)) {
                    queue.clear(); // the writer sees the poison below and closes the connection
                    queue.offer(new StatusView.Change("overflow", change.id(), null));
                  }
                }));
  }

  /** Clients connected now. */
  public int clients() {
    return clients.size();
  }

  /** Serves one client until it goes away; blocks the calling thread meanwhile. */
  public void serve(HttpExchange exchange) throws IOException {
    if (clients.size() >= MAX_CLIENTS) {
      exchange.getResponseHeaders().add("Retry-After", "10");
      exchange.sendResponseHeaders(503, -1);
      return;
    }
    BlockingQueue<StatusView.Change> queue = new ArrayBlockingQueue<>(CLIENT_BACKLOG);
    clients.add(queue);
    try {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().add("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, "retry: " + RETRY.toMillis() + "\n\n");
      Long lastSeen = lastEventId(exchange);
      List<StatusView.Change> missed =
          lastSeen == null ? List.of() : view.outageChangesSince(lastSeen);
      for (StatusView.Change change : missed) {
        send(out, change);
      }
      // none told yet: what changed between the page's first fetch and this connection counts
      long dataTold = -1;
      long lastWrite = System.nanoTime();
      long nextCheck = lastWrite + DATA_EVERY.toNanos();
      while (true) {
        StatusView.Change change =
            queue.poll(Math.max(1, nextCheck - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (change != null && change.data() == null) {
          return;
        }
        if (change != null) {
          send(out, change);
          lastWrite = System.nanoTime();
        }
        if (System.nanoTime() - nextCheck >= 0) {
          nextCheck = System.nanoTime() + DATA_EVERY.toNanos();
          long data = view.dataVersion();
          if (data != dataTold) {
            dataTold = data;
            write(out, "event: data\ndata: {}\n\n");
            lastWrite = System.nanoTime();
          } else if (System.nanoTime() - lastWrite >= KEEP_ALIVE.toNanos()) {
            write(out, ": keep-alive\n\n");
            lastWrite = System.nanoTime();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away
    } finally {
      clients.remove(queue);
    }
  }

  private static Long lastEventId(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Last-Event-ID");
    try {
      return header == null ? null : Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return null; // not one of ours: start from now
    }
  }

  private static void send(OutputStream out, StatusView.Change change) throws IOException {
    write(
        out,
        "id: "
            + change.id()
            + "\nevent: "
            + change.type()
            + "\ndata: "
            + JSON.writeValueAsString(change.data())
            + "\n\n");
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
