package io.outageradar.pager.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outageradar.avro.BusinessContact;
import io.outageradar.avro.BusinessNotice;
import io.outageradar.avro.ContactKind;
import io.outageradar.pager.Deliverer;
import io.outageradar.pager.RetryPolicy;
import io.outageradar.pager.WebhookIntegration;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a notice to one contact, with retries: an email over SMTP; a Slack webhook as its text;
 * an SMS gateway or a generic webhook as JSON, signed as the pager signs ({@code X-Signature}). A
 * 2xx is delivered; 429, 5xx, I/O and SMTP errors are tried again with backoff; any other answer
 * will not improve by repetition. Errors never carry the contact's URL (it may hold a token).
 */
public final class ContactSender {
  private static final Logger LOG = LoggerFactory.getLogger(ContactSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final MailSender mail;
  private final HttpClient http;
  private final String secret;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final SplittableRandom random = new SplittableRandom();

  /** {@code mail} may be null when no SMTP server is set: email contacts then fail. */
  public ContactSender(
      MailSender mail,
      HttpClient http,
      String secret,
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock) {
    this.mail = mail;
    this.http = http;
    this.secret = secret;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** Whether {@code contact} took the notice within the policy's attempts, and if not, why. */
  public Deliverer.Outcome deliver(BusinessContact contact, BusinessNotice notice, NoticeText text)
      throws InterruptedException {
    String lastError = "not tried";
    int attempt = 1;
    for (; attempt <= policy.maxAttempts(); attempt++) {
      try {
        once(contact, notice, text);
        LOG.info(
            "business notice {} {} delivered to {} (attempt {})",
            notice.getAction(),
            notice.getDedupKey(),
            contact.getId(),
            attempt);
        return new Deliverer.Outcome(true, attempt, null);
      } catch (RefusedException e) {
        lastError = redacted(contact, e.getMessage());
        break;
      } catch (RetryableException e) {
        lastError = redacted(contact, e.getMessage());
      }
      if (attempt < policy.maxAttempts()) {
        sleeper.sleep(policy.delayAfter(attempt, Optional.empty(), random));
      }
    }
    LOG.error(
        "business notice {} to {} of {} not delivered: {}",
        notice.getDedupKey(),
        contact.getId(),
        notice.getBusinessId(),
        lastError);
    return new Deliverer.Outcome(false, Math.min(attempt, policy.maxAttempts()), lastError);
  }

  /** Returns when delivered; throws when refused for good or when worth another try. */
  private void once(BusinessContact contact, BusinessNotice notice, NoticeText text)
      throws InterruptedException, RetryableException, RefusedException {
    if (contact.getKind() == ContactKind.EMAIL) {
      if (mail == null) {
        throw new RefusedException("no SMTP server is set (business.smtp.host)");
      }
      try {
        mail.send(contact.getAddress(), text, messageId(notice));
        return;
      } catch (MessagingException e) {
        throw new RetryableException(
            "SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    byte[] body = body(contact, notice, text);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(contact.getUrl()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header(
                "X-Signature",
                WebhookIntegration.signature(secret, clock.instant().getEpochSecond(), body))
            .header("Idempotency-Key", messageId(notice))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        return;
      }
      if (status == 429 || status >= 500) {
        throw new RetryableException("HTTP " + status);
      }
      throw new RefusedException("HTTP " + status + ", not retried");
    } catch (IOException e) {
      throw new RetryableException(e.getClass().getSimpleName());
    }
  }

  private static byte[] body(BusinessContact contact, BusinessNotice notice, NoticeText text) {
    ObjectNode node = JSON.createObjectNode();
    if (contact.getKind() == ContactKind.SLACK) {
      node.put("text", "*" + text.subject() + "*\n" + text.body());
    } else {
      node.put("businessId", notice.getBusinessId())
          .put("dedupKey", notice.getDedupKey())
          .put("action", notice.getAction().name())
          .put("service", notice.getService())
          .put("at", notice.getAt().toString())
          .put("language", text.language())
          .put("subject", text.subject())
          .put("text", text.body());
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String messageId(BusinessNotice notice) {
    return notice.getDedupKey().replace('|', '.') + "." + notice.getAction() + "@outage-radar";
  }

  /** An error message without the contact's address or URL (a URL may carry a token). */
  private static String redacted(BusinessContact contact, String message) {
    String text = message == null ? "" : message;
    for (String secret : new String[] {contact.getAddress(), contact.getUrl()}) {
      if (secret != null && !secret.isEmpty()) {
        text = text.replace(secret, "***");
      }
    }
    return text;
  }

  private static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  private static final class RetryableException extends Exception {
    private static final long serialVersionUID = 1L;

    RetryableException(String message) {
      super(message);
    }
  }
}
