package com.crmanalytics.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Without Chromium the browser check skips, saying why, unless CRM_REQUIRE_BROWSER=1 makes it fail.
 */
class ChromiumTest {
  private static final Path ABSENT = Path.of("/nonexistent/chromium");

  @Test
  void skipsWhenTheBrowserIsAbsentAndNotRequired() {
    assertThatThrownBy(() -> Chromium.assumeInstalled(ABSENT, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("/nonexistent/chromium is not installed")
        .hasMessageContaining("apt-get install chromium");
  }

  @Test
  void failsWhenTheBrowserIsAbsentAndRequired() {
    assertThatThrownBy(() -> Chromium.assumeInstalled(ABSENT, true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CRM_REQUIRE_BROWSER=1 requires the check");
  }

  @Test
  void passesWhenTheBrowserIsThere() {
    assertThatCode(() -> Chromium.assumeInstalled(Path.of("/bin/sh"), true))
        .doesNotThrowAnyException();
  }
}
