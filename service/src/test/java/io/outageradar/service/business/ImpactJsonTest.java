package io.outageradar.service.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.avro.BusinessImpact;
import io.outageradar.avro.ChannelImpact;
import io.outageradar.avro.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A business's impact as its API gives it: channels down and money in minor units. */
class ImpactJsonTest {
  @Test
  void channelsDownAndTheLossSoFarPerCurrency() {
    Instant since = Instant.parse("2021-10-04T15:40:30Z");
    BusinessImpact impact =
        BusinessImpact.newBuilder()
            .setBusinessId("loja-da-ana")
            .setChannels(
                List.of(
                    ChannelImpact.newBuilder()
                        .setChannelId("wa-sales")
                        .setService("whatsapp")
                        .setOutageId("whatsapp-global-20211004T154030Z")
                        .setRegions(List.of("BR"))
                        .setSince(since)
                        .setShareUnavailable(1.0)
                        .setFallbackChannel("ig-sales")
                        .setFallbackText(Map.of())
                        .build()))
            .setLoss(List.of(new Money(133L, "BRL")))
            .setAsOf(since.plusSeconds(60))
            .build();

    assertThat(ImpactJson.of("loja-da-ana", impact).toString())
        .isEqualTo(
            "{\"id\":\"loja-da-ana\",\"channelsDown\":[{\"channel\":\"wa-sales\",\"service\":\"whatsapp\","
                + "\"outageId\":\"whatsapp-global-20211004T154030Z\",\"since\":\"2021-10-04T15:40:30Z\","
                + "\"shareUnavailable\":1.0,\"regions\":[\"BR\"],\"fallbackChannel\":\"ig-sales\"}],"
                + "\"loss\":[{\"amountMinor\":133,\"currency\":\"BRL\"}],\"asOf\":\"2021-10-04T15:41:30Z\"}");
  }
}
