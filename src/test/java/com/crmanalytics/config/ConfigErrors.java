package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.util.Map;

/** The one assertion every configuration test makes about a refused value. */
final class ConfigErrors {
  private ConfigErrors() {}

  /**
   * {@code key = value} on top of the reference configuration stops with exit 2 and the message.
   */
  static void assertRefused(String key, String value, String message) {
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of(key, value)))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("Invalid configuration: ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }
}
