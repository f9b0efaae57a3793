package io.outageradar.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layering the modules promise, as rules every module's tests check on the main code they see
 * (a module sees itself and what it depends on, so each rule is checked wherever a module can break
 * it). Each rule's reason says how to fix a violation.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The main classes of every io.outageradar module on the class path. */
  public static JavaClasses mainClasses() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.outageradar");
  }

  /**
   * Every rule, each allowed to find no class it speaks of (a module without streams classes breaks
   * no rule about them).
   */
  public static List<ArchRule> all() {
    return Stream.of(
            theDetectionRulesKnowNothingOfKafka(),
            onlyToolsAndTestsRunABrokerOrATestDriver(),
            theTopologiesNeverReachIntoTheService(),
            theModulesDependOnEachOtherWithoutCycles(),
            thePackagesDependOnEachOtherWithoutCycles())
        .map(rule -> rule.allowEmptyShould(true))
        .toList();
  }

  public static ArchRule theDetectionRulesKnowNothingOfKafka() {
    return noClasses()
        .that()
        .resideInAPackage("io.outageradar.detection..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "kafka..")
        .because(
            "detection holds the rules that need no Kafka: move the Kafka part (processors, stores, serdes) to"
                + " io.outageradar.streams and pass plain values to detection");
  }

  public static ArchRule onlyToolsAndTestsRunABrokerOrATestDriver() {
    return noClasses()
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
                + " TopologyTestDriver in tools (or embedded/testkit), and call it from there");
  }

  public static ArchRule theTopologiesNeverReachIntoTheService() {
    return noClasses()
        .that()
        .resideInAPackage("io.outageradar.streams..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.outageradar.service..", "io.outageradar.tools..")
        .because(
            "streams builds topologies from the settings it is given: move what it needs from the service"
                + " (config, runtime) into the topology's Settings record");
  }

  public static ArchRule theModulesDependOnEachOtherWithoutCycles() {
    return slices()
        .matching("io.outageradar.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "a cycle between modules' packages means one of them belongs in the other, or a shared part"
                + " belongs lower (schemas or detection)");
  }

  public static ArchRule thePackagesDependOnEachOtherWithoutCycles() {
    return slices()
        .matching("io.outageradar.(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "a cycle between packages makes neither understandable alone: move the shared type to the lower"
                + " package or invert the dependency with an interface");
  }
}
