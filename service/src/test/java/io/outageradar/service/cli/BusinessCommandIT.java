package io.outageradar.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.outageradar.registry.MockSchemaRegistry;
import io.outageradar.testkit.EmbeddedKafkaExtension;
import io.outageradar.testkit.EmbeddedKafkaExtension.KafkaTestContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `outage-radar business` against the embedded broker: add, refuse a second add and a bad profile
 * (exit 2, the field named, nothing taken), update, show, list, remove.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class BusinessCommandIT {
  private static final String ANA =
      """
      id: loja-da-ana
      name: Loja da Ana
      currency: BRL
      timeZone: America/Sao_Paulo
      languages: [pt-BR]
      contacts:
        - {kind: email, address: ana@example.com}
      channels:
        - {id: wa-sales, role: sales, service: whatsapp, regions: [BR],
           revenuePerHour: {amount: "250.00", currency: BRL}}
      """;

  @TempDir Path dir;
  private final String scope = "business-cli-it-" + UUID.randomUUID();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(scope);
  }

  private int run(KafkaTestContext kafka, String... args) {
    CommandLine cli = OutageRadar.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--schema-registry-url",
            "mock://" + scope,
            "--set",
            "topic.prefix=" + kafka.topicPrefix()));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void managesProfilesFromFiles(KafkaTestContext kafka) throws Exception {
    Path ana = Files.writeString(dir.resolve("ana.yaml"), ANA);
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"), ANA.replace("loja-da-ana", "outra").replace("[BR]", "[ZZ]"));

    assertThat(run(kafka, "business", "add", ana.toString())).isZero();
    assertThat(out.toString()).contains("added loja-da-ana");

    assertThat(run(kafka, "business", "add", ana.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already registered: loja-da-ana (use business update)");

    assertThat(run(kafka, "business", "add", bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "bad.yaml: channels[0].regions: 'ZZ' is not an ISO 3166-1 alpha-2 region (e.g. BR)");

    Files.writeString(ana, ANA.replace("250.00", "300.00"));
    assertThat(run(kafka, "business", "update", ana.toString())).isZero();

    out.getBuffer().setLength(0);
    assertThat(run(kafka, "business", "show", "loja-da-ana")).isZero();
    assertThat(out.toString()).contains("\"amount\" : \"300.00\"").contains("ana@example.com");

    out.getBuffer().setLength(0);
    assertThat(run(kafka, "business", "list")).isZero();
    assertThat(out.toString().strip().split("\n"))
        .as("the bad profile was not taken")
        .containsExactly("loja-da-ana\tLoja da Ana\t1 channel(s)\t1 contact(s)");

    assertThat(run(kafka, "business", "remove", "loja-da-ana")).isZero();
    out.getBuffer().setLength(0);
    assertThat(run(kafka, "business", "list")).isZero();
    assertThat(out.toString()).isBlank();
    assertThat(run(kafka, "business", "show", "loja-da-ana")).isEqualTo(2);
    assertThat(err.toString()).contains("no business loja-da-ana");

    StringBuilder csv =
        new StringBuilder(
            "id,name,currency,timeZone,languages,contacts,channel,role,service,regions,revenuePerHour,fallbackText\n");
    for (int i = 0; i < 500; i++) {
      csv.append("shop-")
          .append(i)
          .append(",Shop ")
          .append(i)
          .append(",BRL,America/Sao_Paulo,pt-BR,email:shop")
          .append(i)
          .append("@example.com,wa,sales,whatsapp,BR,10.00,\"Ligue, por favor\"\n");
    }
    Path many = Files.writeString(dir.resolve("shops.csv"), csv);
    out.getBuffer().setLength(0);
    assertThat(run(kafka, "business", "import", many.toString())).isZero();
    assertThat(out.toString())
        .contains("imported 500 business(es)")
        .contains("500 new, 0 replaced");
    out.getBuffer().setLength(0);
    assertThat(run(kafka, "business", "list")).isZero();
    assertThat(out.toString().strip().split("\n")).hasSize(500);
  }
}
