package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceSettingsTest {
  private static MaintenanceSettings load(Map<String, String> set) {
    return ConfigLoader.load(null, false, set).maintenance();
  }

  @Test
  void theDefaultIsDeltasSafeSevenDays() {
    MaintenanceSettings s = load(Map.of());
    assertThat(s.vacuumRetentionHours()).isEqualTo(168);
    assertThat(s.belowSafetyCheck()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"0, true", "167, true", "168, false", "720, false"})
  void belowTheSafetyCheckNeedsForce(int hours, boolean below) {
    assertThat(
            load(Map.of(MaintenanceSettings.RETENTION_KEY, String.valueOf(hours)))
                .belowSafetyCheck())
        .isEqualTo(below);
  }

  @ParameterizedTest
  @CsvSource({"-1", "a week", "1.5"})
  void invalidValuesStopAtStartUpNamingKeyValueAndAllowed(String value) {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, false, Map.of(MaintenanceSettings.RETENTION_KEY, value)))
        .isInstanceOf(CrmException.class)
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage(
            "Invalid configuration: maintenance.vacuum-retention-hours = '"
                + value
                + "' (allowed: a whole number of hours, 0 or more)");
  }
}
