package com.crmanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which date patterns have a two-digit year, the ones two-digit-year-base moves into its century.
 */
class ParsingTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "yyMMdd, true",
    "yyMMdd H:mm:ss, true",
    "dd/MM/yy, true",
    "yyyyMMdd, false",
    "yyyy-MM-dd HH:mm:ss, false",
    "'yy'yyyy, false",
    "uuMMdd, true",
  })
  void twoDigitYearPatterns(String pattern, boolean twoDigits) {
    assertThat(Parsing.twoDigitYear(pattern)).isEqualTo(twoDigits);
  }
}
