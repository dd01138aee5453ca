package com.crmanalytics.report;

import static com.crmanalytics.report.ReportPageTest.section;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.ConfigLoader;
import com.crmanalytics.config.ReportSettings;
import com.crmanalytics.contract.ReportActions;
import com.crmanalytics.contract.ReportForecast;
import com.crmanalytics.contract.ReportTracking;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.testing.ReportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The report's look ahead and its advice, from hand-made rows: what to do next, the next 12 months,
 * the tracking chart and the tiles' definitions, counts and trends, in both languages.
 */
class ReportOutlookPageTest {
  private static final LocalDate D = ReportFixture.DATE;
  private static final LocalDate CUTOFF = D.minusDays(90);

  static ReportData data(String language) {
    ReportFixture f =
        ReportFixture.secondRun()
            .language(language)
            .rows(ReportForecast.CONTRACT, forecast())
            .rows(ReportTracking.CONTRACT, tracking())
            .rows(ReportActions.CONTRACT, actions());
    ReportData base = f.build();
    ReportSettings settings =
        new ReportSettings(
            language, 30, 30, ConfigLoader.load(null, false, Map.of()).report().actions());
    return new ReportData(
        base.date(),
        base.currency(),
        settings,
        base.windowDays(),
        base.tables(),
        base.previousDate(),
        base.previousKpis(),
        base.absentSources(),
        history(),
        base.margins());
  }

  private static List<Row> forecast() {
    List<Row> rows = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      double p = 400 * Math.pow(0.95, m - 1);
      rows.add(
          ReportFixture.row(
              ReportForecast.CONTRACT,
              ReportForecast.MODEL,
              "bg-nbd",
              ReportForecast.MONTH,
              m,
              ReportForecast.PERIOD_START,
              D.plusDays(Math.round((m - 1) * 30.4375) + 1),
              ReportForecast.PERIOD_END,
              D.plusDays(Math.round(m * 30.4375)),
              ReportForecast.PURCHASES,
              p,
              ReportForecast.PURCHASES_LOW,
              0.9 * p,
              ReportForecast.PURCHASES_HIGH,
              1.1 * p,
              ReportForecast.REVENUE,
              150 * p,
              ReportForecast.REVENUE_LOW,
              135 * p,
              ReportForecast.REVENUE_HIGH,
              165 * p));
    }
    return rows;
  }

  private static List<Row> tracking() {
    List<Row> rows = new ArrayList<>();
    for (LocalDate p = D.minusDays(364); !p.isAfter(D); p = p.plusDays(7)) {
      long days = p.toEpochDay() - D.minusDays(364).toEpochDay();
      rows.add(
          ReportFixture.row(
              ReportTracking.CONTRACT,
              ReportTracking.MODEL,
              "bg-nbd",
              ReportTracking.POINT_DATE,
              p,
              ReportTracking.PERIOD,
              p.isAfter(CUTOFF) ? "holdout" : "calibration",
              ReportTracking.CALIBRATION_END,
              CUTOFF,
              ReportTracking.CUSTOMERS,
              1500L,
              ReportTracking.ACTUAL,
              6L * days,
              ReportTracking.EXPECTED,
              5.8 * days));
    }
    return rows;
  }

  private static List<Row> actions() {
    String[] names = {
      "high_value_at_risk", "second_purchase", "sleeping_big_spenders", "champions"
    };
    long[] customers = {42, 130, 57, 210};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      rows.add(
          ReportFixture.row(
              ReportActions.CONTRACT,
              ReportActions.ACTION_ORDER,
              i + 1,
              ReportActions.ACTION,
              names[i],
              ReportActions.CONDITION,
              "segment = 'x'",
              ReportActions.CUSTOMERS,
              customers[i],
              ReportActions.CUSTOMER_SHARE,
              customers[i] / 2000.0,
              ReportActions.CLV_TOTAL,
              1000.0 * customers[i],
              ReportActions.CLV_AT_RISK,
              i == 0 ? 180_000.0 : 500.0 * customers[i],
              ReportActions.REVENUE,
              "1000.00",
              ReportActions.EXPECTED_PURCHASES,
              2.0 * customers[i],
              ReportActions.NOTEBOOK,
              i == 0 ? "campaign_target_list.sql" : null,
              ReportActions.TARGET_LIST_QUERY,
              OutlookTables.targetListQuery("tier IN ('vip', 'major') AND risk_band = 'high'")));
    }
    return rows;
  }

  /** Five earlier runs: the tiles draw a trend of six points. */
  private static List<Row> history() {
    List<Row> rows = new ArrayList<>();
    for (int k = 6; k >= 1; k--) {
      if (k == 1) {
        continue;
      }
      rows.add(
          ReportFixture.row(
              Reports.KPIS,
              Reports.AS_OF_DATE,
              D.minusDays(k),
              "customers_known",
              1990L - 5 * k,
              "customer_equity",
              1_500_000.0 - 3000 * k,
              "churn_rate",
              0.21 - 0.001 * k,
              "quiet_share",
              0.40,
              "clv_at_risk",
              200_000.0,
              "revenue",
              "800000.00"));
    }
    return rows;
  }

  @Test
  void whatToDoNextComesBeforeTheDetailsWithTheListCommand() throws Exception {
    String html = ReportPage.render(data("en"));
    Files.writeString(Path.of("target", "outlook-en.html"), html);
    assertThat(html.indexOf("<section id=\"actions\""))
        .isGreaterThan(html.indexOf("<section id=\"headline\""))
        .isLessThan(html.indexOf("<section id=\"pyramid\""));
    String actions = section(html, "actions");
    assertThat(actions)
        .contains(
            "Big customers at high risk",
            "Contact them personally before they go",
            "Sleeping big spenders",
            "notebooks-export/campaign_target_list.sql",
            "crm export target-list --date 2026-11-23 --query",
            "WHERE as_of_date = as_of AND (tier IN (",
            "--out high_value_at_risk-2026-11-23.csv",
            ">42 (2.1%)<");
    // the group with the most value at risk: 42 customers expected to bring $42K, and $180K more
    // had those of them who have probably left stayed (at risk is not a part of their value)
    assertThat(actions)
        .contains(
            "The most value at risk: Big customers at high risk, 42 customers expected to bring $42K, and"
                + " $180K more had those of them who have probably left stayed.");
  }

  @Test
  void theNextTwelveMonthsWithTheirInterval() {
    String html = ReportPage.render(data("en"));
    String forecast = section(html, "forecast");
    assertThat(forecast).contains("<svg ", "class=\"whisker\"");
    double total = 0;
    for (int m = 0; m < 12; m++) {
      total += 400 * Math.pow(0.95, m);
    }
    assertThat(forecast)
        .contains(
            "Today&#39;s customers are expected to make "
                + String.format(java.util.Locale.ROOT, "%,d", Math.round(total))
                + " purchases",
            "over the next 12 months (the months&#39; 90% intervals add up to $496K–$607K)",
            "$60,000");
    assertThat(html.indexOf("<section id=\"forecast\""))
        .isGreaterThan(html.indexOf("<section id=\"cohorts\""));
  }

  @Test
  void trackingChartInTheModelSection() {
    String model = section(ReportPage.render(data("en")), "model");
    assertThat(model)
        .contains(
            "class=\"line-actual\"",
            "class=\"line-model\"",
            "class=\"reference\"",
            "By November 23, 2026 the 1,500 customers known on August 25, 2026 had made 2,184 "
                + "repeat purchases; the BG/NBD model fitted on their purchases up to August 25, "
                + "2026 expected 2,111 (-3.3%).");
  }

  @Test
  void tilesSayWhatEachNumberIsWithCountsBesidePointsAndATrend() {
    String headline = section(ReportPage.render(data("en")), "headline");
    assertThat(headline)
        .contains(
            "Customer equity = present value of the next",
            "months of margin from today&#39;s customers",
            "<div class=\"delta good\">▼ -0.3 pt <span class=\"count\">(-2 customers)</span>",
            "class=\"chart spark-chart\"",
            "6 runs since Nov 17");
    String zh = section(ReportPage.render(data("zh-CN")), "headline");
    assertThat(zh).contains("客户资产 = 现有客户未来", "个月毛利的现值", "(-2 人)", "次运行");
  }

  @Test
  void chineseSectionsAreTranslated() throws Exception {
    String html = ReportPage.render(data("zh-CN"));
    Files.writeString(Path.of("target", "outlook-zh-CN.html"), html);
    assertThat(section(html, "actions")).contains("下一步行动", "高风险的大客户", "在他们流失之前亲自联系");
    assertThat(section(html, "forecast")).contains("未来 12 个月", "现有客户预计在未来 12 个月内购买");
    assertThat(section(html, "model")).contains("累计重复购买", "校准期结束");
  }

  @Test
  void withoutTheNewTablesTheSectionsSaySo() {
    String html = ReportPage.render(ReportFixture.secondRun().build());
    assertThat(section(html, "actions")).contains("No groups of customers are configured");
    assertThat(section(html, "forecast")).contains("No forecast for 2026-11-23");
    assertThat(section(html, "model")).doesNotContain("line-actual");
  }
}
