package io.outageradar.streams.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.outageradar.avro.CheckKind;
import io.outageradar.avro.Page;
import io.outageradar.avro.PageAction;
import io.outageradar.avro.PageSeverity;
import io.outageradar.avro.ProbeResult;
import io.outageradar.avro.ProbeStatus;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.streams.DetectionDriver;
import io.outageradar.testkit.Probes;
import io.outageradar.topics.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates about to expire page once per certificate, whichever agents see them. */
class CertificateWarningsTopologyTest {
  private static final String SCOPE = CertificateWarningsTopologyTest.class.getName();

  @TempDir Path stateDir;
  private final Topics topics = Topics.create(MockSchemaRegistry.forScope(SCOPE));

  @AfterAll
  static void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private static ProbeResult tls(String region, String agent, int daysLeft, long second) {
    ProbeResult probe = Probes.probe("shop", region, agent, ProbeStatus.OK, Probes.at(second));
    probe.setKind(CheckKind.TLS);
    probe.setTarget("shop.example:443");
    probe.setCertDaysToExpiry(daysLeft);
    return probe;
  }

  @Test
  void aCertificateWithinTheWarningDaysPagesOnceAndItsRenewalResolves() {
    try (DetectionDriver driver = new DetectionDriver(topics, stateDir)) {
      driver.probe(tls("BR", "br-1", 30, 0)); // far from expiry: nothing
      driver.probe(tls("BR", "br-1", 14, 30)); // within 14 days: a warning
      driver.probe(tls("US", "us-1", 14, 31)); // the same certificate from elsewhere: not again
      driver.probe(tls("BR", "br-2", 13, 60));
      driver.probe(tls("BR", "br-1", 90, 90)); // renewed
      driver.probe(tls("BR", "br-1", 89, 120));

      java.util.List<Page> pages = driver.pages();
      assertThat(pages)
          .extracting(Page::getDedupKey, Page::getAction, Page::getSeverity)
          .containsExactly(
              tuple("certificate-shop-shop.example:443", PageAction.TRIGGER, PageSeverity.WARNING),
              tuple("certificate-shop-shop.example:443", PageAction.RESOLVE, PageSeverity.WARNING));
      assertThat(pages.get(0).getSummary())
          .isEqualTo("shop: the certificate of shop.example:443 expires in 14 days");
    }
  }
}
