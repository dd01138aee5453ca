package com.crmanalytics.config;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/** Section {@code maintenance} of the configuration: how {@code crm maintain} vacuums. */
public record MaintenanceSettings(int vacuumRetentionHours) {
  public static final String RETENTION_KEY = "maintenance.vacuum-retention-hours";

  /** Delta's own safety check: VACUUM refuses a shorter retention unless told not to check. */
  public static final int DELTA_SAFE_RETENTION_HOURS = 168;

  /** Reads and validates the section (exit 2 naming key, value and what is allowed). */
  public static MaintenanceSettings from(Config config) {
    Number number;
    try {
      // getNumber, not getInt: Typesafe Config's getInt silently truncates 1.5 to 1.
      number = config.getNumber(RETENTION_KEY);
    } catch (ConfigException.Missing e) {
      throw Errors.config("missing key " + RETENTION_KEY, e);
    } catch (ConfigException e) {
      throw Errors.badConfig(
          RETENTION_KEY,
          config.getValue(RETENTION_KEY).unwrapped(),
          "a whole number of hours, 0 or more");
    }
    double value = number.doubleValue();
    if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw Errors.badConfig(
          RETENTION_KEY,
          config.getValue(RETENTION_KEY).unwrapped(),
          "a whole number of hours, 0 or more");
    }
    int hours = (int) value;
    return new MaintenanceSettings(hours);
  }

  /** True when the retention is below Delta's safety check and needs {@code --force}. */
  public boolean belowSafetyCheck() {
    return vacuumRetentionHours < DELTA_SAFE_RETENTION_HOURS;
  }
}
