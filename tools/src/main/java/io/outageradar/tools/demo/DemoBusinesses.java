package io.outageradar.tools.demo;

import io.outageradar.avro.Business;
import io.outageradar.producers.business.BusinessProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The businesses the demo, the backtest and chaos tell when no {@code --businesses} file is given:
 * four fictional ones modelled on the shops hit on 4 October 2021 — a one-person shop in Brazil
 * selling mostly through WhatsApp, a national retailer, a property developer taking leads through
 * WhatsApp and Facebook, and a car dealer group advertising on Facebook and Instagram.
 */
public final class DemoBusinesses {
  private static final String RESOURCE = "businesses.json";

  private DemoBusinesses() {}

  public static List<Business> sample() {
    try (InputStream in = DemoBusinesses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo's businesses are missing from the build");
      }
      return anyService().read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The profiles of {@code file}, or the sample when it is null. */
  public static List<Business> fromFileOrSample(Path file) {
    return file == null ? sample() : anyService().read(file);
  }

  /**
   * A replay watches whatever services its events name, so a profile may name any service; a
   * channel on a service the replay never mentions is simply never hit.
   */
  private static BusinessProfiles anyService() {
    return new BusinessProfiles(service -> true);
  }
}
