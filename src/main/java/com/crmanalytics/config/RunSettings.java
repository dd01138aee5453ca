package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.integer;
import static com.crmanalytics.config.ConfigValues.string;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

/**
 * The {@code run} section: the time zone that turns timestamps into business days (and picks the
 * nightly default date), and the currency amounts are in.
 *
 * @param currency an ISO 4217 code, shown in the report
 * @param incrementalFromCustomers a run continues the previous date's customer_features when it had
 *     at least this many customers (below, recomputing them all is quicker); 0: always
 */
public record RunSettings(ZoneId timezone, String currency, int incrementalFromCustomers) {
  /** Reads and validates the section (exit 2 naming key, value and what is allowed). */
  public static RunSettings from(Config c) {
    ZoneId zone;
    try {
      zone = ZoneId.of(string(c, "run.timezone"));
    } catch (DateTimeException e) {
      throw Errors.badConfig(
          "run.timezone",
          c.getString("run.timezone"),
          "a time-zone id such as UTC or Asia/Shanghai");
    }
    String currency = string(c, "run.currency");
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw Errors.badConfig(
          "run.currency", currency, "an ISO 4217 currency code such as USD or CNY");
    }
    int incremental = integer(c, "run.incremental-from-customers");
    if (incremental < 0) {
      throw Errors.badConfig(
          "run.incremental-from-customers", incremental, "a whole number of customers, 0 or more");
    }
    return new RunSettings(zone, currency, incremental);
  }
}
