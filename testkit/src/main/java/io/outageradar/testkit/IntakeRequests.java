package io.outageradar.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to a running intake, as an app or a shop would send them. */
public final class IntakeRequests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private IntakeRequests() {}

  /** Posts one valid report (whatsapp, BR) with {@code apiKey} to the intake on {@code port}. */
  public static HttpResponse<String> postValidReport(int port, String apiKey)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/reports"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-API-Key", apiKey)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"service\":\"whatsapp\",\"region\":\"BR\",\"reporter\":\"u1\","
                        + "\"category\":\"MESSAGING\",\"text\":\"not sending\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
