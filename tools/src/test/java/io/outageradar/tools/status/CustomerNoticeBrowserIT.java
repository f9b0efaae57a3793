package io.outageradar.tools.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.ChannelImpact;
import io.outageradar.avro.Money;
import io.outageradar.service.query.CustomerNoticeRoutes;
import io.outageradar.testkit.Shops;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The customer notice as a shop's visitors see it: a shop's own page (another origin, a strict
 * Content-Security-Policy) embeds {@code notice.js} from the status server; Chromium, in the
 * visitor's language, shows the banner while the shop's WhatsApp line is down — its text as text,
 * never as markup — and nothing for a quiet shop, once the notice was fetched.
 */
class CustomerNoticeBrowserIT {
  private static final Instant SINCE = Instant.parse("2021-10-04T15:40:30Z");
  private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";

  private HttpServer status;
  private HttpServer shop;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    Map<String, Business> profiles =
        Map.of("loja-da-ana", shop("loja-da-ana"), "quiet-shop", shop("quiet-shop"));
    Map<String, BusinessImpact> impacts = Map.of("loja-da-ana", whatsappDown());
    status = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CustomerNoticeRoutes.register(status, profiles::get, impacts::get);
    status.start();
    String origin = "http://127.0.0.1:" + status.getAddress().getPort();
    shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    shop.createContext(
        "/",
        exchange -> {
          String id = exchange.getRequestURI().getPath().substring(1);
          byte[] page =
              ("<!doctype html><html><head><title>shop</title></head><body>"
                      + "<main id=\"content\"><h1>Our shop</h1></main>"
                      + "<script src=\""
                      + origin
                      + "/b/"
                      + id
                      + "/notice.js\" data-target=\"content\" async></script>"
                      + "</body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          // no inline script or style allowed, only the status server's script and data
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Security-Policy",
                  "default-src 'none'; script-src "
                      + origin
                      + "; connect-src "
                      + origin
                      + "; style-src 'none'; img-src 'none'");
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    shop.start();
    browser = Browser.start(1024, 768, "pt-BR");
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    status.stop(0);
    shop.stop(0);
  }

  @Test
  void theShopsVisitorsSeeTheNoticeInTheirLanguageAsTextOnly() {
    browser.get(shopUrl("loja-da-ana"));
    WebElement banner =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> browser.findElements(By.className("outage-radar-notice")), l -> !l.isEmpty())
            .get(0);

    assertThat(banner.getText())
        .contains("Pedidos pelo WhatsApp: indisponível por uma falha do WhatsApp (desde 12:40).")
        .contains("Peça pelo site lojadaana.example.com")
        .contains(HOSTILE);
    assertThat(banner.findElements(By.tagName("img"))).as("markup stays text").isEmpty();
    assertThat(browser.getTitle()).isEqualTo("shop");
    assertThat(
            browser.findElement(By.id("content")).findElements(By.className("outage-radar-notice")))
        .as("at the top of the element the shop chose")
        .hasSize(1);
  }

  @Test
  void aQuietShopShowsNothingOnceItsNoticeWasRead() {
    browser.get(shopUrl("quiet-shop"));
    await("the notice was fetched")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                (Boolean)
                    browser.executeScript(
                        "return performance.getEntriesByType('resource')"
                            + ".some(function (e) { return e.name.indexOf('notice.json') >= 0; })"));
    assertThat(browser.findElements(By.className("outage-radar-notice"))).isEmpty();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Our shop");
  }

  private String shopUrl(String id) {
    return "http://127.0.0.1:" + shop.getAddress().getPort() + "/" + id;
  }

  private static Business shop(String id) {
    return Shops.inSaoPaulo(id, "Loja da Ana", "en")
        .setChannels(List.of(Shops.whatsAppSales(8_000L)))
        .build();
  }

  private static BusinessImpact whatsappDown() {
    return BusinessImpact.newBuilder()
        .setBusinessId("loja-da-ana")
        .setChannels(
            List.of(
                ChannelImpact.newBuilder()
                    .setChannelId("wa-sales")
                    .setService("whatsapp")
                    .setOutageId("whatsapp-global-20211004T154030Z")
                    .setRegions(List.of("BR"))
                    .setSince(SINCE)
                    .setShareUnavailable(1.0)
                    .setFallbackText(
                        Map.of("pt", "Peça pelo site lojadaana.example.com " + HOSTILE))
                    .build()))
        .setLoss(List.of(new Money(133L, "BRL")))
        .setAsOf(SINCE)
        .build();
  }
}
