package io.outageradar.pager;

import io.outageradar.avro.Page;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: the page as JSON, signed so the receiver can tell it came from us, and when —
 * header {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the shared
 * secret>}. The time is inside the signature, so a captured request cannot be replayed later: a
 * receiver recomputes the HMAC over {@code t + "." + body}, compares in constant time, and rejects
 * a {@code t} older than its tolerance ({@link #verify} is that check).
 */
public final class WebhookIntegration implements Integration {
  private final URI url;
  private final String secret;
  private final Clock clock;

  public WebhookIntegration(URI url, String secret, Clock clock) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook needs a secret to sign its bodies");
    }
    this.url = url;
    this.secret = secret;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public List<String> secrets() {
    return List.of(secret, url.toString());
  }

  @Override
  public HttpRequest request(Page page) {
    byte[] body = PageJson.bytes(PageJson.of(page));
    return PageJson.post(url, body)
        .header("X-Signature", signature(secret, clock.instant().getEpochSecond(), body))
        .build();
  }

  /** The X-Signature value for {@code body} sent at {@code unixSeconds}. */
  public static String signature(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
  }

  /**
   * What a receiver checks: the header is well formed, its HMAC matches (compared in constant
   * time), and it was signed no more than {@code tolerance} before (or after) {@code now}.
   */
  public static boolean verify(
      String secret, String header, byte[] body, Instant now, Duration tolerance) {
    if (header == null || !header.matches("t=\\d{1,12},v1=[0-9a-f]{64}")) {
      return false;
    }
    long signedAt = Long.parseLong(header.substring(2, header.indexOf(',')));
    String presented = header.substring(header.indexOf(",v1=") + 4);
    boolean fresh = Math.abs(now.getEpochSecond() - signedAt) <= tolerance.toSeconds();
    boolean authentic =
        MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.US_ASCII),
            hmac(secret, signedAt, body).getBytes(StandardCharsets.US_ASCII));
    return fresh && authentic;
  }

  /** Hex HMAC-SHA256 of {@code "<unixSeconds>." + body}. */
  private static String hmac(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
