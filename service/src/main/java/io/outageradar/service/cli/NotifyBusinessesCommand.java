package io.outageradar.service.cli;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.outageradar.pager.business.BusinessDirectory;
import io.outageradar.pager.business.BusinessNotifier;
import io.outageradar.pager.business.ContactSender;
import io.outageradar.pager.business.MailSender;
import io.outageradar.service.config.ConfigException;
import io.outageradar.service.config.RadarConfig;
import io.outageradar.service.config.RadarSettings;
import io.outageradar.service.ops.Operability;
import io.outageradar.topics.KafkaClients;
import io.outageradar.topics.TopicCreator;
import io.outageradar.topics.Topics;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "notify-businesses",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Tell each business of the outages that hurt it, through a channel that still works.",
    description = {
      "Deliver every notice of the business-notices topic to the business's contacts: email over SMTP (business.smtp.*), SMS gateways, Slack and webhooks (JSON signed with business.webhook.secret), in the business's language. A contact that rides on a platform down where the business is is skipped and the message says so; with no usable contact the notice waits until one recovers. Retries as the pager (pager.max-attempts, pager.retry-*); offsets are committed only after delivery."
    })
public final class NotifyBusinessesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    RadarConfig config = cluster.load(Map.of());
    Clock clock = Clock.systemUTC();
    String secret = config.get(RadarSettings.BUSINESS_WEBHOOK_SECRET);
    if (secret.isEmpty()) {
      throw new ConfigException(
          "business.webhook.secret is not set: webhook, SMS and Slack notices are signed with it");
    }
    String smtpHost = config.get(RadarSettings.BUSINESS_SMTP_HOST);
    MailSender mail =
        smtpHost.isEmpty()
            ? null
            : new MailSender(
                new MailSender.Smtp(
                    smtpHost,
                    config.get(RadarSettings.BUSINESS_SMTP_PORT),
                    config.get(RadarSettings.BUSINESS_SMTP_FROM),
                    config.get(RadarSettings.BUSINESS_SMTP_USER),
                    config.get(RadarSettings.BUSINESS_SMTP_PASSWORD),
                    config.get(RadarSettings.BUSINESS_SMTP_STARTTLS)));
    ContactSender sender =
        new ContactSender(
            mail,
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
            secret,
            config.pagerRetryPolicy(),
            duration -> Thread.sleep(duration.toMillis()),
            clock);
    Topics topics = ClusterOptions.topics(config);
    KafkaClients kafka = config.kafka();
    TopicCreator.ensure(
        kafka,
        List.of(
            topics.businesses,
            topics.outages,
            topics.businessNotices,
            topics.businessNoticeDeadLetters),
        config.get(RadarSettings.REPLICATION_FACTOR));
    try (Operability ops = ClusterOptions.operability(config, "notify-businesses", spec);
        BusinessDirectory directory =
            new BusinessDirectory(kafka, topics.businesses, topics.outages).start()) {
      ops.health()
          .check(
              "business-directory",
              () ->
                  directory.alive()
                      ? Optional.empty()
                      : Optional.of("the reader of profiles and outages has stopped"));
      if (!directory.awaitLoaded(Duration.ofMinutes(2))) {
        return ClusterOptions.failAfterGrace(
            config, ops, "notify-businesses", "profiles and outages could not be read", spec);
      }
      BusinessNotifier notifier =
          BusinessNotifier.start(
              new BusinessNotifier.Settings(
                  kafka,
                  config.get(RadarSettings.BUSINESS_GROUP_ID),
                  topics.businessNotices,
                  topics.businessNoticeDeadLetters,
                  directory,
                  sender,
                  clock));
      try {
        ops.health()
            .check(
                "business-notifier",
                () ->
                    notifier.alive()
                        ? Optional.empty()
                        : Optional.of("the notifier thread has stopped"));
        FunctionCounter.builder(
                "outage.radar.business.notices.delivered", notifier, BusinessNotifier::delivered)
            .description("Business notices a contact took, once per contact")
            .register(ops.metrics());
        FunctionCounter.builder(
                "outage.radar.business.notices.failed", notifier, BusinessNotifier::failed)
            .description(
                "Business notices a contact never took after every retry (each on"
                    + " business-notices.dlq)")
            .register(ops.metrics());
        FunctionCounter.builder(
                "outage.radar.business.contacts.skipped", notifier, BusinessNotifier::skipped)
            .description("Contacts not used because they ride on a platform that was down")
            .register(ops.metrics());
        Gauge.builder("outage.radar.business.notices.waiting", notifier, BusinessNotifier::waiting)
            .description("Notices waiting because every contact rides on a platform that is down")
            .register(ops.metrics());
        spec.commandLine()
            .getErr()
            .println(
                "outage-radar notify-businesses: telling businesses from "
                    + topics.businessNotices.name()
                    + (mail == null ? " (no SMTP server set: email contacts fail)" : "")
                    + "; Ctrl-C to stop");
        return ClusterOptions.runUntilStopped(
            config,
            ops,
            "notify-businesses",
            notifier::alive,
            "the notifier thread has stopped",
            spec);
      } finally {
        notifier.close();
      }
    }
  }
}
