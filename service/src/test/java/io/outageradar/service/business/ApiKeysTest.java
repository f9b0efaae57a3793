package io.outageradar.service.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.BusinessKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** API keys: only the key made opens, and what is kept does not give it away. */
class ApiKeysTest {
  private final ApiKeys keys = new ApiKeys();

  @Test
  void theKeyMadeMatchesItsHashAndNothingElseDoes() {
    ApiKeys.Issued ana = keys.issue("loja-da-ana", Instant.EPOCH);
    ApiKeys.Issued bia = keys.issue("loja-da-bia", Instant.EPOCH);

    assertThat(ApiKeys.matches(ana.stored(), ana.key())).isTrue();
    assertThat(ApiKeys.matches(ana.stored(), bia.key())).isFalse();
    assertThat(ApiKeys.matches(ana.stored(), ana.key() + "x")).isFalse();
    assertThat(ApiKeys.matches(ana.stored(), null)).isFalse();
    assertThat(ApiKeys.matches(null, ana.key())).as("no key stored: nothing opens").isFalse();
    assertThat(ApiKeys.matches(null, "")).isFalse();
  }

  @Test
  void whatIsKeptIsASaltedSlowHashNotTheKey() {
    ApiKeys.Issued one = keys.issue("loja-da-ana", Instant.EPOCH);
    ApiKeys.Issued two = keys.issue("loja-da-ana", Instant.EPOCH);
    BusinessKey stored = one.stored();

    assertThat(one.key()).startsWith("orb_").hasSize(4 + 43);
    assertThat(one.key()).isNotEqualTo(two.key());
    assertThat(stored.toString()).doesNotContain(one.key().substring(4));
    assertThat(stored.getSalt()).isNotEqualTo(two.stored().getSalt());
    assertThat(stored.getAlgorithm()).isEqualTo("PBKDF2WithHmacSHA256");
    assertThat(stored.getIterations()).isGreaterThanOrEqualTo(100_000);
  }
}
