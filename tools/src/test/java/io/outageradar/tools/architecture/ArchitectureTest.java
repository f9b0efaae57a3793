package io.outageradar.tools.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layering the modules promise, checked on the main code of every module the tools see. Each
 * rule's reason says how to fix a violation.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.outageradar");

  @Test
  void theDetectionRulesKnowNothingOfKafka() {
    check(
        noClasses()
            .that()
            .resideInAPackage("io.outageradar.detection..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "kafka..")
            .because(
                "detection holds the rules that need no Kafka: move the Kafka part (processors, stores, serdes) to"
                    + " io.outageradar.streams and pass plain values to detection"));
  }

  @Test
  void onlyToolsAndTestsRunABrokerOrATestDriver() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(
                "io.outageradar.tools..", "io.outageradar.testkit..", "io.outageradar.embedded..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kafka.server..", "org.apache.kafka.metadata..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.apache.kafka.streams.TopologyTestDriver")
            .because(
                "the service image ships no broker and no test utilities: put code that starts a broker or a"
                    + " TopologyTestDriver in tools (or embedded/testkit), and call it from there"));
  }

  @Test
  void theTopologiesNeverReachIntoTheService() {
    check(
        noClasses()
            .that()
            .resideInAPackage("io.outageradar.streams..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.outageradar.service..", "io.outageradar.tools..")
            .because(
                "streams builds topologies from the settings it is given: move what it needs from the service"
                    + " (config, runtime) into the topology's Settings record"));
  }

  @Test
  void theModulesDependOnEachOtherWithoutCycles() {
    check(
        slices()
            .matching("io.outageradar.(*)..")
            .should()
            .beFreeOfCycles()
            .because(
                "a cycle between modules' packages means one of them belongs in the other, or a shared part"
                    + " belongs lower (schemas or detection)"));
  }

  @Test
  void thePackagesDependOnEachOtherWithoutCycles() {
    check(
        slices()
            .matching("io.outageradar.(**)")
            .should()
            .beFreeOfCycles()
            .because(
                "a cycle between packages makes neither understandable alone: move the shared type to the lower"
                    + " package or invert the dependency with an interface"));
  }

  private static void check(ArchRule rule) {
    rule.check(MAIN);
  }
}
