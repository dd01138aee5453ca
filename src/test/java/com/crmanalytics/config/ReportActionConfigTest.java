package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigErrors.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report.actions: the default groups, a site's own list, and the exit-2 messages. */
class ReportActionConfigTest {

  private static List<ReportAction> actions(Map<String, String> set) {
    return ConfigLoader.load(null, false, set).report().actions();
  }

  @Test
  void defaultsHaveTheGroupsThatMatterInBothLanguages() {
    List<ReportAction> a = actions(Map.of());
    assertThat(a)
        .extracting(ReportAction::name)
        .containsExactly(
            "high_value_at_risk", "second_purchase", "sleeping_big_spenders", "champions");
    assertThat(a.get(0).condition()).isEqualTo("tier IN ('vip', 'major') AND risk_band = 'high'");
    assertThat(a.get(0).notebook()).isEqualTo("campaign_target_list.sql");
    assertThat(a.get(2).notebook()).isNull();
    for (ReportAction r : a) {
      assertThat(r.action("en")).isNotBlank();
      assertThat(r.action("zh-CN")).isNotBlank();
    }
  }

  @Test
  void aSiteListReplacesTheDefaults() {
    List<ReportAction> a =
        actions(
            Map.of(
                "report.actions",
                "[{ name = vip_quiet, condition = \"tier = 'vip' AND recency_days > 90\","
                    + " action { en = \"Call them\", zh-CN = \"致电\" } }]"));
    assertThat(a)
        .containsExactly(
            new ReportAction(
                "vip_quiet",
                "tier = 'vip' AND recency_days > 90",
                Map.of("en", "Call them", "zh-CN", "致电"),
                null));
  }

  @Test
  void refusals() {
    String ok = "action { en = a, zh-CN = b }";
    assertRefused(
        "report.actions",
        "[{ name = x, condition = \"true\", " + ok + ", when = always }]",
        "unknown key when in report.actions[0]");
    assertRefused(
        "report.actions",
        "[{ name = x, condition = \"true\", action { en = a } }]",
        "missing key report.actions[0].action.zh-CN");
    assertRefused(
        "report.actions",
        "[{ name = x, condition = \"true\", action { en = a, zh-CN = b, fr = c } }]",
        "report.actions[0].action.fr");
    assertRefused(
        "report.actions",
        "[{ name = \"Big ones\", condition = \"true\", " + ok + " }]",
        "report.actions[0].name = 'Big ones'");
    assertRefused(
        "report.actions",
        "[{ name = x, condition = \"true\", "
            + ok
            + " }, { name = x, condition = \"true\", "
            + ok
            + " }]",
        "report.actions[1].name = 'x'");
    assertRefused(
        "report.actions",
        "[{ name = x, condition = \"true; DROP TABLE orders\", " + ok + " }]",
        "one SQL expression, without ; or comments");
    assertRefused(
        "report.actions", "[{ name = x, " + ok + " }]", "missing key report.actions[0].condition");
    assertRefused(
        "report.actions",
        "[{ name = x, condition = \"true\", " + ok + ", notebook = \"../etc/passwd\" }]",
        "report.actions[0].notebook");
    assertRefused("report.actions", "nope", "report.actions = 'nope'");
  }
}
