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
 */
public final class EventStream {
  /** Browsers reconnect after this long. */
  private static final Duration RETRY = Duration.ofSeconds(2);

  /** A comment this often keeps proxies from closing a quiet stream and finds dead clients. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

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
      while (true) {
        StatusView.Change change = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        if (change == null) {
          write(out, ": keep-alive\n\n");
        } else if (change.data() == null) {
          return;
        } else {
          send(out, change);
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
