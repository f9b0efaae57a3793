package io.outageradar.service.pager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.outageradar.avro.Business;
import io.outageradar.avro.BusinessChannel;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.BusinessNoticeDeadLetter;
import io.outageradar.avro.CauseHint;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import io.outageradar.avro.NoticeAction;
import io.outageradar.avro.OutageEvent;
import io.outageradar.avro.OutageScope;
import io.outageradar.avro.OutageState;
import io.outageradar.pager.RetryPolicy;
import io.outageradar.pager.WebhookIntegration;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.pager.business.BusinessNotifier;
import io.outageradar.pager.business.ContactSender;
import io.outageradar.pager.business.MailSender;
import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.registry.RegistryOptions;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import io.outageradar.testkit.Shops;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.Topic;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The business notifier on a real broker, a real SMTP server (GreenMail) and a local webhook: a
 * notice goes out by email and webhook in the business's language, never through the contact that
 * rides on the platform that is down; a business whose only contact rides on it waits until the
 * platform recovers, without holding back the other businesses; a notifier restarted in the same
 * group sends nothing twice; a mail server that does not answer delays only the emails.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BusinessNotifierIT {
  private static final Instant ONSET = Instant.parse("2021-10-04T15:40:30Z");
  private static final String SECRET = "notice-secret";

  private final String scope = "business-notifier-it-" + UUID.randomUUID();
  private final List<String> hookBodies = new CopyOnWriteArrayList<>();
  private final List<String> hookSignatures = new CopyOnWriteArrayList<>();
  private final List<String> smsBodies = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private GreenMail smtp;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          // the signature first: the test waits on the bodies, then reads the signature
          hookSignatures.add(exchange.getRequestHeaders().getFirst("X-Signature"));
          hookBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/refuse",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(400, -1);
          exchange.close();
        });
    server.createContext(
        "/sms",
        exchange -> {
          smsBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    server.start();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    smtp.stop();
    MockSchemaRegistry.drop(scope);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void tellsThroughContactsThatStillWorkAndWaitsWhenNoneDoes(KafkaTestContext kafka)
      throws Exception {
    Topics topics = topics(kafka);
    Business ana =
        business(
            "loja-da-ana",
            List.of(
                new BusinessContact("ana-sms", ContactKind.SMS, null, url("/sms"), "whatsapp"),
                new BusinessContact("ana-email", ContactKind.EMAIL, "ana@example.com", null, null),
                new BusinessContact("ana-hook", ContactKind.WEBHOOK, null, url("/hook"), null)));
    Business onlyWhatsapp =
        business(
            "so-whatsapp",
            List.of(new BusinessContact("zap", ContactKind.SMS, null, url("/sms"), "whatsapp")));
    send(kafka, topics.businesses, ana.getId(), ana);
    send(kafka, topics.businesses, onlyWhatsapp.getId(), onlyWhatsapp);
    send(kafka, topics.outages, "whatsapp-global-1", outage(OutageState.CONFIRMED, null));
    // the notice that must wait comes first, in a partition of its own: the other goes on
    send(kafka, topics.businessNotices, 0, onlyWhatsapp.getId(), trigger(onlyWhatsapp));
    send(kafka, topics.businessNotices, 1, ana.getId(), trigger(ana));

    String group = kafka.uniqueName();
    try (BusinessDirectory directory = directory(kafka, topics);
        BusinessNotifier notifier = notifier(kafka, topics, group, directory)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 1);
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
      assertThat(mail.getSubject()).isEqualTo("WhatsApp fora do ar — afeta: vendas");
      String text = mail.getContent().toString();
      assertThat(text)
          .contains("Loja da Ana")
          .contains("desde 4 out. 12:40 BRT")
          .contains("Peça pelo site")
          .contains(
              "Não escrevemos para o seu telefone (SMS): depende do WhatsApp, que está fora do ar em BR.");
      await().atMost(Duration.ofSeconds(30)).until(() -> hookBodies.size() == 1);
      assertThat(
              WebhookIntegration.verify(
                  SECRET,
                  hookSignatures.get(0),
                  hookBodies.get(0).getBytes(StandardCharsets.UTF_8),
                  Instant.now(),
                  Duration.ofMinutes(5)))
          .isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> notifier.waiting() == 1);
      assertThat(smsBodies).as("nothing through WhatsApp while it is down").isEmpty();
      assertThat(notifier.skipped()).isEqualTo(1);

      // WhatsApp recovers: the waiting notice goes out through the contact that rides on it
      send(
          kafka,
          topics.outages,
          "whatsapp-global-1",
          outage(OutageState.RESOLVED, ONSET.plusSeconds(3600)));
      await().atMost(Duration.ofSeconds(30)).until(() -> smsBodies.size() == 1);
      assertThat(smsBodies.get(0))
          .contains("\"businessId\":\"so-whatsapp\"")
          .contains("\"action\":\"TRIGGER\"");
      await().atMost(Duration.ofSeconds(30)).until(() -> notifier.waiting() == 0);
    }
    // a notifier of the same group starts after what was delivered: nothing is sent twice
    try (BusinessDirectory directory = directory(kafka, topics);
        BusinessNotifier again = notifier(kafka, topics, group, directory)) {
      send(kafka, topics.businessNotices, ana.getId(), resolve(ana));
      await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
      assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("WhatsApp voltou: vendas");
      assertThat(again.delivered()).as("the resolve, by email, webhook and SMS").isEqualTo(3);
      assertThat(smsBodies).hasSize(2);
      assertThat(hookBodies).hasSize(2);
    }
  }

  @Test
  void aMailServerThatDoesNotAnswerDelaysOnlyTheEmails(KafkaTestContext kafka) throws Exception {
    Topics topics = topics(kafka);
    // accepts connections and never says a word: every email waits for its read timeout
    try (ServerSocket silentSmtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Business ana =
          business(
              "loja-da-ana",
              List.of(
                  new BusinessContact(
                      "ana-email", ContactKind.EMAIL, "ana@example.com", null, null),
                  new BusinessContact("ana-hook", ContactKind.WEBHOOK, null, url("/hook"), null)));
      send(kafka, topics.businesses, ana.getId(), ana);
      send(kafka, topics.businessNotices, ana.getId(), trigger(ana));
      send(kafka, topics.businessNotices, ana.getId(), resolve(ana));

      try (BusinessDirectory directory = directory(kafka, topics);
          BusinessNotifier notifier =
              notifier(kafka, topics, kafka.uniqueName(), directory, silentSmtp.getLocalPort())) {
        await("both notices by webhook while the first email still waits")
            .atMost(Duration.ofSeconds(15))
            .until(() -> hookBodies.size() == 2);
        assertThat(hookBodies.get(0)).contains("\"action\":\"TRIGGER\"");
        assertThat(hookBodies.get(1)).contains("\"action\":\"RESOLVE\"");
        assertThat(notifier.failed()).as("no email has given up yet").isZero();
      }
    }
  }

  @Test
  void aContactThatRefusesGetsADeadLetterWithoutItsUrlAndTheOthersAreTold(KafkaTestContext kafka)
      throws Exception {
    Topics topics = topics(kafka);
    String refusing = url("/refuse?token=s3cr3t");
    Business ana =
        business(
            "loja-da-ana",
            List.of(
                new BusinessContact("ana-email", ContactKind.EMAIL, "ana@example.com", null, null),
                new BusinessContact("ana-hook", ContactKind.WEBHOOK, null, refusing, null)));
    send(kafka, topics.businesses, ana.getId(), ana);
    send(kafka, topics.businessNotices, ana.getId(), trigger(ana));

    try (BusinessDirectory directory = directory(kafka, topics);
        BusinessNotifier notifier = notifier(kafka, topics, kafka.uniqueName(), directory);
        KafkaConsumer<String, BusinessNoticeDeadLetter> letters =
            new KafkaConsumer<>(
                Map.of(
                    "bootstrap.servers",
                    kafka.bootstrapServers(),
                    "group.id",
                    kafka.uniqueName(),
                    "auto.offset.reset",
                    "earliest"),
                topics.businessNoticeDeadLetters.keySerde().deserializer(),
                topics.businessNoticeDeadLetters.valueSerde().deserializer())) {
      await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 1);
      letters.subscribe(List.of(topics.businessNoticeDeadLetters.name()));
      List<BusinessNoticeDeadLetter> received = new ArrayList<>();
      await("the refused delivery's dead letter")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                letters.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return !received.isEmpty();
              });
      BusinessNoticeDeadLetter letter = received.get(0);
      assertThat(letter.getContact()).isEqualTo("ana-hook");
      assertThat(letter.getKind()).isEqualTo("WEBHOOK");
      assertThat(letter.getAttempts()).as("a 400 is not retried").isEqualTo(1);
      assertThat(letter.getLastError()).contains("HTTP 400").doesNotContain("s3cr3t");
      assertThat(letter.getNotice().getDedupKey()).isEqualTo("loja-da-ana|whatsapp-global-1");
      assertThat(notifier.failed()).isEqualTo(1);
      assertThat(notifier.delivered()).as("the email").isEqualTo(1);
    }
  }

  /** The catalog under this test's prefix, with the topics the notifier reads and writes. */
  private Topics topics(KafkaTestContext kafka) {
    Topics topics =
        Topics.withPrefix(kafka.topicPrefix(), RegistryOptions.of("mock://" + scope).connect());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicCreator.ensure(
          admin,
          List.of(
              topics.businesses,
              topics.outages,
              topics.businessNotices,
              topics.businessNoticeDeadLetters),
          (short) 1);
    }
    return topics;
  }

  private BusinessDirectory directory(KafkaTestContext kafka, Topics topics)
      throws InterruptedException {
    BusinessDirectory directory =
        new BusinessDirectory(
                KafkaClients.plain(kafka.bootstrapServers()), topics.businesses, topics.outages)
            .start();
    assertThat(directory.awaitLoaded(Duration.ofSeconds(30))).isTrue();
    return directory;
  }

  private BusinessNotifier notifier(
      KafkaTestContext kafka, Topics topics, String group, BusinessDirectory directory) {
    return notifier(kafka, topics, group, directory, smtp.getSmtp().getPort());
  }

  private BusinessNotifier notifier(
      KafkaTestContext kafka,
      Topics topics,
      String group,
      BusinessDirectory directory,
      int smtpPort) {
    ContactSender sender =
        new ContactSender(
            new MailSender(
                new MailSender.Smtp("127.0.0.1", smtpPort, "radar@example.com", null, null, false)),
            HttpClient.newHttpClient(),
            SECRET,
            new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
            d -> {},
            Clock.systemUTC());
    return BusinessNotifier.start(
        new BusinessNotifier.Settings(
            KafkaClients.plain(kafka.bootstrapServers()),
            group,
            topics.businessNotices,
            topics.businessNoticeDeadLetters,
            directory,
            sender,
            Clock.systemUTC()));
  }

  private static <V> void send(KafkaTestContext kafka, Topic<String, V> topic, String key, V value)
      throws Exception {
    send(kafka, topic, null, key, value);
  }

  private static <V> void send(
      KafkaTestContext kafka, Topic<String, V> topic, Integer partition, String key, V value)
      throws Exception {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), partition, key, value)).get();
    }
  }

  private static Business business(String id, List<BusinessContact> contacts) {
    return Shops.inSaoPaulo(id, id.equals("loja-da-ana") ? "Loja da Ana" : "Só WhatsApp", "pt-BR")
        .setContacts(contacts)
        .setChannels(
            List.of(
                BusinessChannel.newBuilder(Shops.whatsAppSales(25_000L))
                    .setFallbackText(Map.of("pt", "Peça pelo site lojadaana.example.com"))
                    .build()))
        .build();
  }

  private static OutageEvent outage(OutageState state, Instant resolvedAt) {
    return OutageEvent.newBuilder()
        .setOutageId("whatsapp-global-1")
        .setService("whatsapp")
        .setScope(OutageScope.GLOBAL)
        .setRegions(List.of("BR"))
        .setState(state)
        .setCause(CauseHint.DNS)
        .setOnset(ONSET)
        .setConfirmedAt(ONSET.plusSeconds(60))
        .setResolvedAt(resolvedAt)
        .setNotifiedAt(ONSET.plusSeconds(60))
        .setUpdatedAt(resolvedAt == null ? ONSET.plusSeconds(60) : resolvedAt)
        .build();
  }

  private static BusinessNotice trigger(Business business) {
    return notice(business, NoticeAction.TRIGGER, null, 250L);
  }

  private static BusinessNotice resolve(Business business) {
    return notice(business, NoticeAction.RESOLVE, 3_600_000L, 25_000L);
  }

  private static BusinessNotice notice(
      Business business, NoticeAction action, Long durationMs, long lossMinor) {
    return BusinessNotice.newBuilder()
        .setBusinessId(business.getId())
        .setOutageId("whatsapp-global-1")
        .setDedupKey(business.getId() + "|whatsapp-global-1")
        .setAction(action)
        .setAt(ONSET.plusSeconds(60))
        .setService("whatsapp")
        .setRegions(List.of("BR"))
        .setChannels(List.of("wa-sales"))
        .setSince(ONSET)
        .setDurationMs(durationMs)
        .setLoss(List.of(new Money(lossMinor, "BRL")))
        .build();
  }
}
