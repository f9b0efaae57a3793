package io.outageradar.service.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notice over real HTTP: cacheable, readable from any origin, unknown ids like quiet ones. */
class CustomerNoticeRoutesTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, Business> none = Map.of();
    Map<String, BusinessImpact> quiet = Map.of();
    CustomerNoticeRoutes.register(server, none::get, quiet::get);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aNoticeIsCacheableReadableFromAnyOriginAndAnUnknownIdIsQuiet() throws Exception {
    HttpResponse<String> notice = get("/b/nobody/notice.json", Map.of());
    assertThat(notice.statusCode()).isEqualTo(200);
    assertThat(notice.body()).isEqualTo("{\"notices\":[]}");
    assertThat(notice.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(notice.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
    assertThat(notice.headers().firstValue("Vary")).hasValue("Accept-Language");
    String etag = notice.headers().firstValue("ETag").orElseThrow();

    assertThat(get("/b/nobody/notice.json", Map.of("If-None-Match", etag)).statusCode())
        .isEqualTo(304);
    assertThat(get("/b/someone-else/notice.json", Map.of()).body()).isEqualTo(notice.body());

    HttpResponse<String> script = get("/b/nobody/notice.js", Map.of());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(script.body())
        .contains("textContent")
        .doesNotContain("innerHTML")
        .doesNotContain("eval(");
  }

  @Test
  void oddPathsAndMethodsAreRefusedWithoutAnError() throws Exception {
    for (String odd :
        new String[] {"/b/", "/b/x/notice.xml", "/b/..%2Fx/notice.json", "/b/X/notice.json"}) {
      assertThat(get(odd, Map.of()).statusCode()).as(odd).isEqualTo(404);
    }
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/b/x/notice.json"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }
}
