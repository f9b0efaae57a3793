package io.outageradar.tools.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.outageradar.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The layering rules ({@link ArchitectureRules}) on the main code of every module the tools see.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN = ArchitectureRules.mainClasses();

  @Test
  void theDetectionRulesKnowNothingOfKafka() {
    ArchitectureRules.theDetectionRulesKnowNothingOfKafka().check(MAIN);
  }

  @Test
  void onlyToolsAndTestsRunABrokerOrATestDriver() {
    ArchitectureRules.onlyToolsAndTestsRunABrokerOrATestDriver().check(MAIN);
  }

  @Test
  void theTopologiesNeverReachIntoTheService() {
    ArchitectureRules.theTopologiesNeverReachIntoTheService().check(MAIN);
  }

  @Test
  void theModulesDependOnEachOtherWithoutCycles() {
    ArchitectureRules.theModulesDependOnEachOtherWithoutCycles().check(MAIN);
  }

  @Test
  void thePackagesDependOnEachOtherWithoutCycles() {
    ArchitectureRules.thePackagesDependOnEachOtherWithoutCycles().check(MAIN);
  }
}
