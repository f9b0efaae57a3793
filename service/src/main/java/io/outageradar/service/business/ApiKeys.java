package io.outageradar.service.business;

import io.outageradar.avro.BusinessKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Makes and checks the API keys of businesses. A key is 32 random bytes, shown once when it is
 * made; what is kept is a salted PBKDF2 hash, slow on purpose, so a copy of the {@code
 * business-keys} topic does not give the keys away. A check always does the same work, whether the
 * business has a key or not, and compares in constant time: the answer's timing tells nothing.
 */
public final class ApiKeys {
  static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 100_000;
  private static final String PREFIX = "orb_";
  private static final int KEY_BYTES = 32;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  /** Checked instead when a business has no key, so that the work is the same. */
  private static final BusinessKey NOBODY =
      hashed("", new byte[SALT_BYTES], "no-key-" + new SecureRandom().nextLong(), Instant.EPOCH);

  private final SecureRandom random = new SecureRandom();

  /** A new key and the hash to keep. */
  /** A new key, shown once, and what is kept of it. */
  public record Issued(String key, BusinessKey stored) {}

  public Issued issue(String businessId, Instant now) {
    byte[] secret = new byte[KEY_BYTES];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new Issued(key, hashed(businessId, salt, key, now));
  }

  /**
   * The key an {@code Authorization} header value presents as {@code Bearer <key>} (the scheme in
   * any case), or null for none or another scheme.
   */
  public static String bearer(String authorization) {
    String scheme = "Bearer ";
    return authorization != null && authorization.regionMatches(true, 0, scheme, 0, scheme.length())
        ? authorization.substring(scheme.length()).strip()
        : null;
  }

  /** Whether {@code presented} is the key {@code stored} was made from (null: no key). */
  public static boolean matches(BusinessKey stored, String presented) {
    BusinessKey against = stored == null ? NOBODY : stored;
    byte[] expected = Base64.getDecoder().decode(against.getHash());
    byte[] actual =
        hash(
            presented == null ? "" : presented,
            Base64.getDecoder().decode(against.getSalt()),
            against.getIterations());
    return MessageDigest.isEqual(expected, actual) && stored != null && presented != null;
  }

  private static BusinessKey hashed(String businessId, byte[] salt, String key, Instant now) {
    return BusinessKey.newBuilder()
        .setBusinessId(businessId)
        .setAlgorithm(ALGORITHM)
        .setIterations(ITERATIONS)
        .setSalt(Base64.getEncoder().encodeToString(salt))
        .setHash(Base64.getEncoder().encodeToString(hash(key, salt, ITERATIONS)))
        .setCreatedAt(now)
        .build();
  }

  private static byte[] hash(String key, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(key.toCharArray(), salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }
}
