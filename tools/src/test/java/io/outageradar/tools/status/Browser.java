package io.outageradar.tools.status;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver (both installed by .ci/run), headless.
 * Without them the test is skipped, unless OUTAGE_RADAR_REQUIRE_EXTERNALS says it must run (as CI
 * does). Nothing is downloaded: the binaries are given, so Selenium Manager is not asked.
 */
final class Browser {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  static ChromeDriver start(int width, int height) {
    return start(width, height, "en-US");
  }

  /** A browser whose visitors' language (Accept-Language) is {@code language}. */
  static ChromeDriver start(int width, int height, String language) {
    boolean required = "true".equals(System.getenv("OUTAGE_RADAR_REQUIRE_EXTERNALS"));
    assumeTrue(
        required || (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)),
        "chromium and chromium-driver are not installed (bash .ci/run installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
