package io.outageradar.bench;

import io.outageradar.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The layering rules ({@link ArchitectureRules}) on the main code this module sees: the tools' test
 * does not see bench, so it checks them here.
 */
class ArchitectureTest {
  @Test
  void theLayeringHolds() {
    ArchitectureRules.all().forEach(rule -> rule.check(ArchitectureRules.mainClasses()));
  }
}
