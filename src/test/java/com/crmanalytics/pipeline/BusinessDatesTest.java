package com.crmanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDatesTest {
  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource({
    "2026-11-24T23:30:00Z, UTC,                 2026-11-23",
    "2026-11-24T23:30:00Z, Asia/Shanghai,       2026-11-24",
    "2026-11-24T05:00:00Z, America/Los_Angeles, 2026-11-22",
    "2026-11-25T00:00:00Z, UTC,                 2026-11-24",
    "2026-03-01T12:00:00Z, UTC,                 2026-02-28",
    "2028-03-01T12:00:00Z, UTC,                 2028-02-29",
    "2027-01-01T00:30:00Z, Europe/Berlin,       2026-12-31",
  })
  void yesterdayIsTheDayBeforeTodayInTheRunTimezone(Instant now, String zone, LocalDate expected) {
    assertThat(BusinessDates.yesterday(ZoneId.of(zone), Clock.fixed(now, ZoneOffset.UTC)))
        .isEqualTo(expected);
  }
}
