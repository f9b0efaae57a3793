package io.outageradar.producers.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outageradar.avro.Business;
import io.outageradar.avro.ContactKind;
import io.outageradar.avro.Money;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of businesses from a spreadsheet, each checked as a profile file is. */
class BusinessCsvTest {
  private static final String HEADER = String.join(",", BusinessCsv.COLUMNS);
  private final BusinessProfiles profiles =
      new BusinessProfiles(Set.of("whatsapp", "instagram", "facebook")::contains);

  @TempDir Path dir;

  @Test
  void oneRowPerChannelTheBusinessFromItsFirstRow() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("shops.csv"),
            HEADER
                + "\n"
                + "loja-da-ana,Loja da Ana,BRL,America/Sao_Paulo,pt-BR,email:ana@example.com sms:https://sms.example/ana@whatsapp,wa-sales,sales,whatsapp,BR,250.00,\"Peça pelo site, ou ligue \"\"já\"\"\"\r\n"
                + "loja-da-ana,,,,,,ig-sales,sales,instagram,BR,50,\n"
                + "dealer,Dealer,USD,America/Chicago,en,email:ads@dealer.example,fb-ads,ads,facebook,US IN,1500.00,\n");

    List<Business> all = BusinessCsv.read(csv, profiles);

    assertThat(all).extracting(Business::getId).containsExactly("loja-da-ana", "dealer");
    Business ana = all.get(0);
    assertThat(ana.getChannels()).hasSize(2);
    assertThat(ana.getChannels().get(0).getFallbackText())
        .containsEntry("pt-BR", "Peça pelo site, ou ligue \"já\"");
    assertThat(ana.getChannels().get(1).getRevenuePerHour()).isEqualTo(new Money(5_000L, "BRL"));
    assertThat(ana.getContacts().get(1).getKind()).isEqualTo(ContactKind.SMS);
    assertThat(ana.getContacts().get(1).getRidesOn()).isEqualTo("whatsapp");
    assertThat(ana.getContacts().get(1).getUrl()).isEqualTo("https://sms.example/ana");
    assertThat(all.get(1).getChannels().get(0).getRegions()).containsExactly("IN", "US");
  }

  @Test
  void aBadRowIsNamedByTheBusinessesFirstLine() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("bad.csv"),
            HEADER
                + "\n"
                + "ok,Ok,EUR,Europe/Berlin,de,email:a@b.example,wa,sales,whatsapp,DE,1.00,\n"
                + "bad,Bad,EUR,Europe/Berlin,de,email:a@b.example,wa,sales,whatsapp,ZZ,1.00,\n");

    assertThatThrownBy(() -> BusinessCsv.read(csv, profiles))
        .isInstanceOf(BadProfileException.class)
        .hasMessage(
            csv
                + ": line 3: channels[0].regions: 'ZZ' is not an ISO 3166-1 alpha-2 region (e.g. BR)");
  }

  @Test
  void aFileWithoutTheHeaderIsRefused() throws Exception {
    Path csv = Files.writeString(dir.resolve("x.csv"), "id,name\nx,X\n");
    assertThatThrownBy(() -> BusinessCsv.read(csv, profiles))
        .hasMessageStartingWith(csv + ": line 1: the header must be id,name,currency");
  }
}
