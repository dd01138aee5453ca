package com.crmanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.PyramidSettings.Tier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rfm, pyramid and clv.time-unit keys: defaults, overrides and the exit-2 messages. */
class SegmentSettingsConfigTest {

  private static PipelineConfig load(Map<String, String> set) {
    return ConfigLoader.load(null, false, set);
  }

  @Test
  void defaults() {
    PipelineConfig c = load(Map.of());
    assertThat(c.rfm()).isEqualTo(new RfmSettings(365, 5));
    assertThat(c.pyramid().measure()).isEqualTo(PyramidSettings.Measure.REVENUE);
    assertThat(c.pyramid().tiers())
        .containsExactly(
            new Tier("vip", 0.01),
            new Tier("major", 0.05),
            new Tier("ordinary", 0.20),
            new Tier("small", 1.0));
    assertThat(c.clv().timeUnit()).isEqualTo(ModelTimeUnit.WEEK);
  }

  @Test
  void overrides() {
    PipelineConfig c =
        load(
            Map.of(
                "rfm.window-days", "180",
                "rfm.bins", "3",
                "pyramid.measure", "margin",
                "pyramid.tiers", "[{name = gold, share = 0.1}, {name = rest, share = 1}]",
                "clv.time-unit", "day"));
    assertThat(c.rfm()).isEqualTo(new RfmSettings(180, 3));
    assertThat(c.pyramid())
        .isEqualTo(
            new PyramidSettings(
                PyramidSettings.Measure.MARGIN,
                List.of(new Tier("gold", 0.1), new Tier("rest", 1.0))));
    assertThat(c.clv().timeUnit()).isEqualTo(ModelTimeUnit.DAY);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rfm.window-days | 0 | rfm.window-days = '0'",
        "rfm.window-days | a year | rfm.window-days = 'a year' (allowed: a whole number)",
        "rfm.bins | 10 | rfm.bins = '10' (allowed: a whole number from 2 to 9)",
        "rfm.bins | 1 | rfm.bins = '1'",
        "pyramid.measure | profit | pyramid.measure = 'profit' (allowed: revenue, margin)",
        "clv.time-unit | month | clv.time-unit = 'month' (allowed: week, day)",
        "pyramid.tiers | [{name = vip, share = 0.2}, {name = small, share = 0.9}] | pyramid.tiers",
        "pyramid.tiers | [{name = vip, share = 0.2}, {name = major, share = 0.1}, {name = small, share = 1}] | {name=major, share=0.1}",
        "pyramid.tiers | [{name = vip, share = 0.2}, {name = vip, share = 1}] | pyramid.tiers",
        "pyramid.tiers | [{name = VIP, share = 0.2}, {name = rest, share = 1}] | VIP",
        "pyramid.tiers | [{name = vip, share = 0.2}, {name = rest, fraction = 1}] | fraction",
        "pyramid.tiers | [] | pyramid.tiers"
      })
  void invalidValuesStopWithExit2NamingTheKey(String key, String value, String message) {
    ConfigErrors.assertRefused(key, value, message);
  }
}
