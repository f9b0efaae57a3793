package io.outageradar.tools.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.embedded.EmbeddedKafka;
import io.outageradar.embedded.EmbeddedSchemaRegistry;
import io.outageradar.producers.business.BusinessPublisher;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.Shops;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business notifier ({@code notify-businesses}) as a child process, killed with SIGKILL twice
 * while it delivers a few hundred notices by email to a real SMTP server (GreenMail), and started
 * again: every notice arrives, and at most two per kill arrive twice (the one in flight, and one
 * done but not yet committed) — with the same Message-ID, so the receiving mail system sees it
 * once.
 */
class BusinessNotifierKillIT {
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:30Z");
  private static final int BUSINESSES = 12;
  private static final int OUTAGES = 6;
  private static final int KILLS = 2;

  @TempDir Path dir;

  @Test
  void aNotifierKilledMidWayLosesNoNoticeAndRepeatsOnlyTheOneInFlight() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      Topics topics = Topics.create(RegistryOptions.of(registry.url()).connect());
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicCreator.ensure(
            admin, List.of(topics.businesses, topics.outages, topics.businessNotices), (short) 1);
      }
      List<Business> businesses = new ArrayList<>();
      for (int b = 0; b < BUSINESSES; b++) {
        businesses.add(business("shop-" + b));
      }
      BusinessPublisher.publish(
          KafkaClients.plain(kafka.bootstrapServers()), topics.businesses, businesses);
      Set<String> expected = new HashSet<>();
      try (KafkaProducer<String, BusinessNotice> producer =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", kafka.bootstrapServers()),
              topics.businessNotices.keySerde().serializer(),
              topics.businessNotices.valueSerde().serializer())) {
        for (int o = 0; o < OUTAGES; o++) {
          for (NoticeAction action : List.of(NoticeAction.TRIGGER, NoticeAction.RESOLVE)) {
            for (Business business : businesses) {
              BusinessNotice notice = notice(business, "whatsapp-global-" + o, action);
              expected.add(
                  "<" + notice.getDedupKey().replace('|', '.') + "." + action + "@outage-radar>");
              producer.send(
                  new ProducerRecord<>(topics.businessNotices.name(), business.getId(), notice));
            }
          }
        }
      }

      RadarChild notifier =
          new RadarChild(
              dir.resolve("notifier.log"),
              "outage-radar notify-businesses: telling businesses",
              List.of(
                  "notify-businesses",
                  "--bootstrap-servers",
                  kafka.bootstrapServers(),
                  "--schema-registry-url",
                  registry.url(),
                  "--set",
                  "business.smtp.host=127.0.0.1",
                  "--set",
                  "business.smtp.port=" + smtp.getSmtp().getPort(),
                  "--set",
                  "business.smtp.starttls=false",
                  "--set",
                  "business.webhook.secret=kill-it",
                  "--set",
                  // a killed member's notices move on after this, not after the default 45 s
                  "consumer.session.timeout.ms=6000",
                  "--set",
                  "consumer.heartbeat.interval.ms=1000",
                  "--set",
                  "health.port=-1"));
      try {
        List<Integer> deliveredAtKill = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
          notifier.start();
          int atLeast = expected.size() * kill / (KILLS + 1);
          await("delivery under way before kill " + kill)
              .atMost(Duration.ofMinutes(3))
              .pollInterval(Duration.ofMillis(5))
              .until(() -> smtp.getReceivedMessages().length >= atLeast);
          notifier.kill();
          deliveredAtKill.add(smtp.getReceivedMessages().length);
        }
        notifier.start();
        await("every notice delivered")
            .atMost(Duration.ofMinutes(3))
            .until(() -> messageIds(smtp).containsAll(expected));

        assertThat(deliveredAtKill)
            .as("each kill came while notices were still to be sent")
            .allSatisfy(delivered -> assertThat(delivered).isLessThan(expected.size()));
        List<String> received = messageIdList(smtp);
        assertThat(new HashSet<>(received)).isEqualTo(expected);
        assertThat(received.size() - expected.size())
            .as(
                "notices sent twice: at each kill at most the one in flight and one done since the"
                    + " last commit")
            .isBetween(0, 2 * KILLS);
      } finally {
        notifier.kill();
      }
    } finally {
      smtp.stop();
    }
  }

  private static Set<String> messageIds(GreenMail smtp) throws Exception {
    return new HashSet<>(messageIdList(smtp));
  }

  private static List<String> messageIdList(GreenMail smtp) throws Exception {
    List<String> ids = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      ids.add(message.getMessageID());
    }
    return ids;
  }

  private static Business business(String id) {
    return Shops.inSaoPaulo(id, "Shop " + id, "pt-BR")
        .setContacts(
            List.of(
                new BusinessContact("mail", ContactKind.EMAIL, id + "@example.com", null, null)))
        .setChannels(List.of(Shops.whatsAppSales(25_000L)))
        .build();
  }

  private static BusinessNotice notice(Business business, String outageId, NoticeAction action) {
    boolean resolve = action == NoticeAction.RESOLVE;
    return BusinessNotice.newBuilder()
        .setBusinessId(business.getId())
        .setOutageId(outageId)
        .setDedupKey(business.getId() + "|" + outageId)
        .setAction(action)
        .setAt(ONSET.plusSeconds(resolve ? 3_600 : 60))
        .setService("whatsapp")
        .setRegions(List.of("BR"))
        .setChannels(List.of("wa-sales"))
        .setSince(ONSET)
        .setDurationMs(resolve ? 3_600_000L : null)
        .setLoss(List.of(new Money(resolve ? 25_000L : 250L, "BRL")))
        .build();
  }
}
