package io.outageradar.pager;

import io.outageradar.avro.Page;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: the page as JSON, signed so the receiver can tell it came from us — header
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes with the shared secret>}.
 */
public final class WebhookIntegration implements Integration {
  private final URI url;
  private final String secret;

  public WebhookIntegration(URI url, String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook needs a secret to sign its bodies");
    }
    this.url = url;
    this.secret = secret;
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
    return PageJson.post(url, body).header("X-Signature", "sha256=" + sign(secret, body)).build();
  }

  /** Hex HMAC-SHA256 of {@code body}: what a receiver recomputes and compares in constant time. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
