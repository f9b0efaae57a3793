package io.outageradar.producers.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.Business;
import io.outageradar.avro.ChannelRole;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Profiles are read whole, or refused naming the field at fault. */
class BusinessProfilesTest {
  private static final String ANA =
      """
      {"id": "loja-da-ana", "name": "Loja da Ana", "currency": "BRL", "timeZone": "America/Sao_Paulo",
       "languages": ["pt-BR"],
       "contacts": [{"kind": "email", "address": "ana@example.com"},
                    {"kind": "webhook", "url": "https://hooks.example.com/x", "ridesOn": "whatsapp"}],
       "channels": [{"id": "wa-sales", "role": "sales", "service": "whatsapp", "regions": ["BR"],
                     "revenuePerHour": {"amount": "250.00", "currency": "BRL"},
                     "fallback": {"text": {"pt": "Peça pelo site"}}}]}
      """;

  private final BusinessProfiles profiles =
      new BusinessProfiles(Set.of("whatsapp", "instagram", "facebook")::contains);

  @Test
  void theIssuesExampleIsReadWhole() {
    Business ana = profiles.read(ANA, "ana.json").get(0);

    assertThat(ana.getId()).isEqualTo("loja-da-ana");
    assertThat(ana.getContacts()).hasSize(2);
    assertThat(ana.getContacts().get(0).getId()).isEqualTo("email-1");
    assertThat(ana.getContacts().get(1).getKind()).isEqualTo(ContactKind.WEBHOOK);
    assertThat(ana.getContacts().get(1).getRidesOn()).isEqualTo("whatsapp");
    assertThat(ana.getChannels().get(0).getRole()).isEqualTo(ChannelRole.SALES);
    assertThat(ana.getChannels().get(0).getRevenuePerHour()).isEqualTo(new Money(25_000L, "BRL"));
    assertThat(ana.getChannels().get(0).getFallbackText()).containsEntry("pt", "Peça pelo site");
  }

  @Test
  void aProfileWrittenBackReadsAsTheSame() {
    Business ana = profiles.read(ANA, "ana.json").get(0);

    assertThat(profiles.read(BusinessJson.of(ana).toString(), "again.json")).containsExactly(ana);
  }

  @Test
  void anArrayIsReadAndTwoProfilesWithOneIdAreRefused() {
    assertThat(profiles.read("[" + ANA + "]", "all.json")).hasSize(1);
    assertThatThrownBy(() -> profiles.read("[" + ANA + "," + ANA + "]", "all.json"))
        .isInstanceOf(BadProfileException.class)
        .hasMessage("all.json: [1].id: 'loja-da-ana' appears twice");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"service\": \"whatsapp\"|\"service\": \"myspace\"|channels[0].service: 'myspace' is not a monitored service",
        "\"regions\": [\"BR\"]|\"regions\": [\"XX\"]|channels[0].regions: 'XX' is not an ISO 3166-1 alpha-2 region (e.g. BR)",
        "\"currency\": \"BRL\", \"timeZone\"|\"currency\": \"BRX\", \"timeZone\"|currency: 'BRX' is not an ISO 4217 currency",
        "\"amount\": \"250.00\"|\"amount\": \"-1\"|channels[0].revenuePerHour.amount: must not be negative",
        "\"amount\": \"250.00\"|\"amount\": \"lots\"|channels[0].revenuePerHour.amount: 'lots' is not a number",
        "\"amount\": \"250.00\"|\"amount\": \"2.505\"|channels[0].revenuePerHour.amount: has more decimals than BRL has (2)",
        "\"fallback\": {\"text\"|\"fallback\": {\"channel\": \"nope\", \"text\"|channels[0].fallback.channel: no channel 'nope'",
        "https://hooks.example.com/x|ftp://hooks.example.com/x|contacts[1].url: must be an http(s) URL",
        "\"role\": \"sales\"|\"role\": \"gossip\"|channels[0].role: 'gossip' is none of sales, support, leads, ads, payments, login",
        "\"languages\"|\"langauges\"|languages: missing",
        "\"regions\": [\"BR\"],|\"regions\": [\"BR\"], \"colour\": \"red\",|channels[0].colour: unknown field"
      })
  void aBadFieldIsNamed(String good, String bad, String message) {
    String profile = ANA.replace(good, bad);
    assertThat(profile).isNotEqualTo(ANA);
    assertThatThrownBy(() -> profiles.read(profile, "ana.json"))
        .isInstanceOf(BadProfileException.class)
        .hasMessage("ana.json: " + message);
  }

  @Test
  void moreChannelsThanAllowedAreRefused() {
    StringBuilder channels = new StringBuilder();
    for (int i = 0; i <= BusinessProfiles.MAX_CHANNELS; i++) {
      channels
          .append(i == 0 ? "" : ",")
          .append("{\"id\": \"c")
          .append(i)
          .append("\", \"role\": \"sales\", \"service\": \"whatsapp\", \"regions\": [\"BR\"]}");
    }
    String profile =
        "{\"id\": \"big\", \"name\": \"Big\", \"currency\": \"EUR\", \"timeZone\": \"UTC\","
            + " \"languages\": [\"en\"], \"channels\": ["
            + channels
            + "]}";
    assertThatThrownBy(() -> profiles.read(profile, "big.json"))
        .hasMessage("big.json: channels: more than 50 channels");
  }

  @Test
  void notJsonIsOneLineNamingTheFile() {
    assertThatThrownBy(() -> profiles.read("{\"id\": ", "x.json"))
        .isInstanceOf(BadProfileException.class)
        .hasMessageStartingWith("x.json: not JSON: ")
        .satisfies(e -> assertThat(List.of(e.getMessage().split("\n"))).hasSize(1));
  }
}
