package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clv and churn sections: defaults, overrides and exit 2 on a bad value. */
class ValueSettingsConfigTest {
  private static PipelineConfig load(Map<String, String> overrides) {
    return ConfigLoader.load(null, false, overrides);
  }

  @Test
  void defaultsAndOverrides() {
    PipelineConfig d = load(Map.of());
    assertThat(d.clv())
        .isEqualTo(new ClvSettings("auto", ModelTimeUnit.WEEK, 12, 0.10, 1.0, 50, 200, 42, "none"));
    assertThat(d.churn()).isEqualTo(new ChurnSettings(90, 0.01, 42, 0.33, 0.66));
    Map<String, String> set =
        new java.util.LinkedHashMap<>(
            Map.of(
                "clv.model",
                "pareto-nbd",
                "clv.horizon-months",
                "24",
                "clv.annual-discount-rate",
                "0.08",
                "clv.margin-rate",
                "0.3",
                "clv.min-repeat-buyers",
                "10",
                "clv.time-unit",
                "day"));
    set.putAll(
        Map.of(
            "churn.horizon-days",
            "60",
            "churn.min-auc-gain",
            "0.02",
            "churn.seed",
            "7",
            "clv.interval-draws",
            "500",
            "clv.interval-seed",
            "3",
            "clv.reference",
            "cdnow",
            "churn.risk-bands",
            "{ medium-from = 0.2, high-from = 0.5 }"));
    PipelineConfig c = load(set);
    assertThat(c.clv())
        .isEqualTo(
            new ClvSettings("pareto-nbd", ModelTimeUnit.DAY, 24, 0.08, 0.3, 10, 500, 3, "cdnow"));
    assertThat(c.churn()).isEqualTo(new ChurnSettings(60, 0.02, 7, 0.2, 0.5));
    assertThat(c.churn().band(0.19)).isEqualTo("low");
    assertThat(c.churn().band(0.2)).isEqualTo("medium");
    assertThat(c.churn().band(0.5)).isEqualTo("high");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "clv.model | bgnbd | clv.model = 'bgnbd' (allowed: auto, bg-nbd, mbg-nbd, pareto-nbd)",
        "clv.horizon-months | 0 | clv.horizon-months = '0'",
        "clv.horizon-months | a year | clv.horizon-months = 'a year' (allowed: a whole number)",
        "clv.annual-discount-rate | -0.1 | clv.annual-discount-rate = '-0.1'",
        "clv.margin-rate | 1.5 | clv.margin-rate = '1.5'",
        "clv.min-repeat-buyers | 0 | clv.min-repeat-buyers = '0'",
        "churn.horizon-days | 0 | churn.horizon-days = '0'",
        "churn.min-auc-gain | -0.01 | churn.min-auc-gain = '-0.01'",
        "clv.interval-draws | 5 | clv.interval-draws = '5'",
        "clv.reference | cdnow97 | clv.reference = 'cdnow97' (allowed: none, cdnow)",
        "churn.seed | x | churn.seed = 'x'",
        "churn.risk-bands | { medium-from = 0.7, high-from = 0.6 } | churn.risk-bands"
      })
  void invalidValuesStopWithExit2NamingTheKey(String key, String value, String message) {
    ConfigErrors.assertRefused(key, value, message);
  }
}
