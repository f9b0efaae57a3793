package io.outageradar.service.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.service.status.CustomerNotice;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A business's public notice for its customers: {@code GET /b/{id}/notice.json}, and {@code GET
 * /b/{id}/notice.js}, a script a shop puts on its own site that draws the notice as a banner (no
 * dependencies, no cookies, text inserted as text, nothing inline: CSP-friendly). Any origin may
 * read them (CORS); ETag and Cache-Control let a popular shop's visitors poll cheaply; the answer
 * varies with Accept-Language. An unknown id answers exactly as a quiet business does.
 */
public final class CustomerNoticeRoutes {
  private static final Pattern NOTICE =
      Pattern.compile("/b/([a-z0-9][a-z0-9-]{0,62})/notice\\.(json|js)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT_RESOURCE = "/customer-notice/notice.js";
  private static final String JSON_CACHE = "public, max-age=30";
  private static final String SCRIPT_CACHE = "public, max-age=300";

  private final Function<String, Business> profiles;
  private final Function<String, BusinessImpact> impacts;
  private final byte[] script;
  private final BusinessPageRoutes privatePages;

  private CustomerNoticeRoutes(
      Function<String, Business> profiles,
      Function<String, BusinessImpact> impacts,
      BusinessPageRoutes privatePages) {
    this.profiles = profiles;
    this.impacts = impacts;
    this.privatePages = privatePages;
    try (InputStream in = CustomerNoticeRoutes.class.getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the jar");
      }
      this.script = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves the notices of the businesses {@code profiles} knows, hurt as {@code impacts} says. */
  public static void register(
      HttpServer server,
      Function<String, Business> profiles,
      Function<String, BusinessImpact> impacts) {
    register(server, profiles, impacts, null);
  }

  /** As above, and under the same {@code /b/} the businesses' private pages. */
  public static void register(
      HttpServer server,
      Function<String, Business> profiles,
      Function<String, BusinessImpact> impacts,
      BusinessPageRoutes privatePages) {
    CustomerNoticeRoutes routes = new CustomerNoticeRoutes(profiles, impacts, privatePages);
    server.createContext("/b/", routes::handle);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (privatePages != null
          && BusinessPageRoutes.serves(exchange.getRequestURI().getRawPath())) {
        privatePages.handle(exchange); // private: not for other origins
        return;
      }
      exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
      exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
      String method = exchange.getRequestMethod();
      if (method.equals("OPTIONS")) {
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET");
        exchange.getResponseHeaders().add("Access-Control-Max-Age", "86400");
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().add("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Matcher notice = NOTICE.matcher(exchange.getRequestURI().getRawPath());
      if (!notice.matches()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (notice.group(2).equals("js")) {
        send(exchange, "text/javascript; charset=utf-8", SCRIPT_CACHE, script);
        return;
      }
      String id = notice.group(1);
      byte[] body =
          JSON.writeValueAsBytes(
              CustomerNotice.of(
                  profiles.apply(id),
                  impacts.apply(id),
                  exchange.getRequestHeaders().getFirst("Accept-Language")));
      exchange.getResponseHeaders().add("Vary", "Accept-Language");
      send(exchange, "application/json", JSON_CACHE, body);
    }
  }

  /** The body with its ETag; 304 when the client has it already. */
  private static void send(HttpExchange exchange, String type, String cache, byte[] body)
      throws IOException {
    String etag = "\"" + digest(body) + "\"";
    exchange.getResponseHeaders().add("ETag", etag);
    exchange.getResponseHeaders().add("Cache-Control", cache);
    exchange.getResponseHeaders().add("Access-Control-Expose-Headers", "ETag");
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String digest(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
