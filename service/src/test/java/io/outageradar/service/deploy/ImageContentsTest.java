package io.outageradar.service.deploy;

import static io.outageradar.service.deploy.DeployFiles.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the Docker images ship: the service image holds the service's runtime classpath (written by
 * the build to target/runtime-classpath.txt) and nothing of a broker, Scala or test utilities; the
 * Connect image and the compose broker run the Kafka version the code compiles against.
 */
class ImageContentsTest {
  private static final Pattern KAFKA_VERSION =
      Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>");
  private static final List<String> NEVER_IN_THE_SERVICE =
      List.of(
          "kafka_2.13",
          "kafka-server",
          "kafka-metadata",
          "kafka-raft",
          "scala-library",
          "scala-reflect",
          "kafka-streams-test-utils",
          "junit",
          "testcontainers",
          "outage-radar-embedded",
          "outage-radar-testkit",
          "outage-radar-tools",
          "outage-radar-simulation");

  @Test
  void theServiceRuntimeClasspathHoldsNoBrokerScalaOrTestJars() throws IOException {
    List<String> jars =
        Arrays.stream(
                Files.readString(Path.of("target/runtime-classpath.txt"))
                    .strip()
                    .split(java.io.File.pathSeparator))
            .map(path -> Path.of(path).getFileName().toString())
            .toList();

    assertThat(jars)
        .as("the service's runtime classpath")
        .isNotEmpty()
        .anyMatch(jar -> jar.startsWith("kafka-streams-"));
    for (String banned : NEVER_IN_THE_SERVICE) {
      assertThat(jars)
          .as("no %s in the service image", banned)
          .noneMatch(jar -> jar.startsWith(banned + "-") || jar.startsWith(banned + "."));
    }
  }

  @Test
  void theConnectImageAndTheComposeBrokerRunTheKafkaVersionTheCodeUses() throws IOException {
    Matcher version = KAFKA_VERSION.matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(version.find()).isTrue();
    String kafka = version.group(1);

    assertThat(Files.readString(ROOT.resolve("Dockerfile.connect")))
        .contains("FROM apache/kafka:" + kafka + "\n");
    assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
        .contains("image: apache/kafka:" + kafka + "\n")
        .doesNotContainPattern("image: apache/kafka:(?!" + Pattern.quote(kafka) + "\\n)");
  }
}
