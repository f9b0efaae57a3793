package io.outageradar.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.Test;

/**
 * Guards the contracts: every committed schema must stay BACKWARD compatible with its snapshot
 * (consumers on the new schema read data written with the old one), and every schema must follow
 * the house rules. To change a contract: add fields with defaults, run the tests, then copy the new
 * .avsc files over the snapshots in the same commit.
 */
class SchemaContractTest {
  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path SNAPSHOTS = Path.of("src/test/resources/schema-snapshots");

  /**
   * Files that define types the others reference, parsed first in this order where they exist
   * (older snapshots define some inline): the avro-maven-plugin's imports in this module's pom, so
   * the order is written down once.
   */
  private static final List<String> IMPORTS = importsOfThePom();

  private static List<String> importsOfThePom() {
    try {
      Matcher imports =
          Pattern.compile("<import>\\$\\{project\\.basedir}/src/main/avro/([^<]+)</import>")
              .matcher(Files.readString(Path.of("pom.xml")));
      List<String> files = new ArrayList<>();
      while (imports.find()) {
        files.add(imports.group(1));
      }
      return List.copyOf(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everySchemaIsBackwardCompatibleWithItsSnapshot() throws IOException {
    Map<String, Schema> current = parseAll(CURRENT);
    Map<String, Schema> previous = parseAll(SNAPSHOTS);
    assertThat(current.keySet())
        .as("a schema was removed or renamed")
        .containsAll(previous.keySet());
    List<String> problems = new ArrayList<>();
    previous.forEach(
        (file, old) -> {
          SchemaPairCompatibility result =
              SchemaCompatibility.checkReaderWriterCompatibility(current.get(file), old);
          if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            problems.add(file + ": " + result.getResult().getIncompatibilities());
          }
        });
    assertThat(problems).as("schemas that cannot read data written with their snapshot").isEmpty();
  }

  @Test
  void theParseOrderComesFromThePom() {
    assertThat(IMPORTS).startsWith("Money.avsc").contains("Page.avsc", "OutageEvent.avsc");
  }

  @Test
  void everyFieldHasDocAndEveryEnumHasADefault() throws IOException {
    List<String> problems = new ArrayList<>();
    parseAll(CURRENT)
        .values()
        .forEach(schema -> checkHouseRules(schema, problems, new ArrayList<>()));
    assertThat(problems).isEmpty();
  }

  @Test
  void theSnapshotCheckCatchesARequiredFieldAdded() {
    Schema old =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema added =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}]}");
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(added, old).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static void checkHouseRules(Schema schema, List<String> problems, List<String> seen) {
    if (seen.contains(schema.getFullName())) {
      return;
    }
    seen.add(schema.getFullName());
    switch (schema.getType()) {
      case RECORD ->
          schema
              .getFields()
              .forEach(
                  field -> {
                    if (field.doc() == null || field.doc().isBlank()) {
                      problems.add(schema.getFullName() + "." + field.name() + " has no doc");
                    }
                    checkHouseRules(field.schema(), problems, seen);
                  });
      case ENUM -> {
        if (schema.getEnumDefault() == null) {
          problems.add(schema.getFullName() + " has no default symbol");
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> checkHouseRules(branch, problems, seen));
      case ARRAY -> checkHouseRules(schema.getElementType(), problems, seen);
      case MAP -> checkHouseRules(schema.getValueType(), problems, seen);
      default -> {}
    }
  }

  private static Map<String, Schema> parseAll(Path dir) throws IOException {
    Schema.Parser parser = new Schema.Parser();
    Map<String, Schema> byFile = new LinkedHashMap<>();
    for (String file : IMPORTS) {
      if (Files.exists(dir.resolve(file))) {
        byFile.put(file, parser.parse(dir.resolve(file).toFile()));
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
        String name = file.getFileName().toString();
        if (!byFile.containsKey(name)) {
          byFile.put(name, parser.parse(file.toFile()));
        }
      }
    }
    return byFile;
  }
}
