package io.outageradar.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Show the status page's overview in a terminal, from a running instance.",
    description = {
      "Ask a running instance (run with query.server, or demo --serve) what the status page shows: every service with its state, the open outages, and with --service one service's uptime, outages and most reported problems. Colours on a terminal, none in a pipe."
    })
public final class StatusCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://localhost:8080",
      paramLabel = "URL",
      description = "${DEFAULT-VALUE} unless given: the query API of an instance.")
  String url;

  @Option(names = "--service", description = "Show this service in detail.")
  String service;

  @Option(
      names = "--business",
      paramLabel = "ID",
      description =
          "Show this business's own page: its channels now, the loss so far and its incidents. Its API key comes from --key-file or the OUTAGE_RADAR_BUSINESS_KEY variable, never from the command line.")
  String business;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "With --business: a file holding the business's API key.")
  Path keyFile;

  @Option(names = "--json", description = "Print the API's JSON instead.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    URI base = base();
    PrintWriter out = spec.commandLine().getOut();
    if (business != null) {
      String key =
          keyFile != null
              ? Files.readString(keyFile).strip()
              : System.getenv("OUTAGE_RADAR_BUSINESS_KEY");
      if (key == null || key.isBlank()) {
        throw new ParameterException(
            spec.commandLine(),
            "--business needs the business's API key, in --key-file or OUTAGE_RADAR_BUSINESS_KEY");
      }
      JsonNode page =
          get(
              base,
              "/b/" + URLEncoder.encode(business, StandardCharsets.UTF_8) + "/private.json",
              key);
      out.println(
          json
              ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(page)
              : page.path("text").asText());
      out.flush();
      return 0;
    }
    JsonNode overview = get(base, "/overview");
    StatusText text = new StatusText(System.console() != null && !json);
    if (service == null) {
      out.println(
          json
              ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(overview)
              : text.overview(overview));
    } else {
      JsonNode history =
          get(
              base,
              "/status/"
                  + URLEncoder.encode(service, StandardCharsets.UTF_8).replace("+", "%20")
                  + "/history");
      if (json) {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(history));
      } else {
        out.println(text.service(overview, history));
      }
    }
    out.flush();
    return 0;
  }

  private URI base() {
    try {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--url " + url + " is not an http(s) URL, e.g. http://localhost:8080");
    }
  }

  private JsonNode get(URI base, String path) throws IOException, InterruptedException {
    return get(base, path, null);
  }

  /** {@code path} of the instance as JSON, with a business's {@code key} when not null. */
  private JsonNode get(URI base, String path, String key) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response;
    try {
      response =
          http.send(
              authorised(HttpRequest.newBuilder(URI.create(base + path)), key)
                  .timeout(Duration.ofSeconds(15))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException(
          "cannot reach "
              + base
              + " ("
              + CliErrors.describe(e)
              + "); is run (with query.server) or demo --serve running there?",
          e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(
          base
              + path
              + " did not answer with JSON (HTTP "
              + response.statusCode()
              + "); is it an outage-radar query API?",
          e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          base
              + path
              + ": "
              + (body.has("error") ? body.get("error").asText() : "HTTP " + response.statusCode()));
    }
    return body;
  }

  private static HttpRequest.Builder authorised(HttpRequest.Builder request, String key) {
    return key == null ? request : request.header("Authorization", "Bearer " + key);
  }
}
