package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.ReportCampaigns;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.model.IncrementalEffect;
import com.crmanalytics.model.IncrementalEffect.Cell;
import com.crmanalytics.model.IncrementalEffect.Estimate;
import com.crmanalytics.model.IncrementalEffect.Moments;
import com.crmanalytics.testing.ReportFixture;
import com.crmanalytics.testing.TestSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incremental columns of report_campaigns on a hand-made fixture (D = 2026-11-20, 30 days): K1
 * has no holdout and is matched on segment × tier in the snapshot of 2026-11-01; K2 records a
 * holdout; K3 is sent on two days without a holdout, so it has no comparison group.
 */
class CampaignLiftTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);
  private static Map<String, CampaignLift.Lift> lifts;
  private static Set<String> fewest;

  @BeforeAll
  static void estimate() {
    SparkSession spark = TestSpark.session();
    spark
        .sql(
            """
            SELECT campaign_id, customer_id, CAST(sent_ts AS TIMESTAMP) AS sent_ts, control FROM VALUES
              ('K1', 'A1', '2026-11-05 10:00:00', NULL), ('K1', 'A2', '2026-11-05 10:00:00', NULL),
              ('K1', 'A3', '2026-11-05 10:00:00', NULL), ('K1', 'A4', '2026-11-05 10:00:00', false),
              ('K1', 'B1', '2026-11-05 10:00:00', NULL), ('K1', 'B2', '2026-11-05 10:00:00', NULL),
              ('K2', 'C1', '2026-11-06 09:00:00', NULL), ('K2', 'C2', '2026-11-06 09:00:00', NULL),
              ('K2', 'C3', '2026-11-06 09:00:00', false), ('K2', 'C4', '2026-11-06 09:00:00', true),
              ('K2', 'C5', '2026-11-06 09:00:00', true),
              ('K3', 'A5', '2026-11-07 09:00:00', NULL), ('K3', 'A6', '2026-11-08 09:00:00', NULL)
              AS t(campaign_id, customer_id, sent_ts, control)
            """)
        .createOrReplaceTempView("rpt_touches");
    spark
        .sql(
            """
            SELECT customer_id, order_id, CAST(order_ts AS TIMESTAMP) AS order_ts,
                   CAST(amount AS DECIMAL(18,2)) AS amount, to_date(order_ts) AS day FROM VALUES
              ('A1', 'O1', '2026-11-06 12:00:00', 10), ('A1', 'O2', '2026-11-08 12:00:00', 15),
              ('A1', 'O2', '2026-11-08 12:00:00', 5),
              ('A1', 'O1R', '2026-11-09 12:00:00', -10),
              ('A2', 'O3', '2026-11-05 10:30:00', 30),
              ('A3', 'O4', '2026-11-05 09:59:00', 99),
              ('A4', 'O5', '2026-11-19 12:00:00', 10), ('A4', 'O6', '2026-11-21 12:00:00', 50),
              ('A5', 'O7', '2026-11-10 12:00:00', 10),
              ('B2', 'O8', '2026-11-12 12:00:00', 5), ('B3', 'O9', '2026-11-12 12:00:00', 5),
              ('C1', 'O10', '2026-11-07 12:00:00', 20), ('C3', 'O11', '2026-11-07 12:00:00', 20),
              ('C5', 'O12', '2026-11-07 12:00:00', 20)
              AS t(customer_id, order_id, order_ts, amount)
            """)
        .createOrReplaceTempView("rpt_orders");
    Dataset<Row> segments =
        spark.sql(
            """
            SELECT DATE'2026-11-01' AS as_of_date, customer_id, segment, tier FROM VALUES
              ('A1', 'champions', 'vip'), ('A2', 'champions', 'vip'), ('A3', 'champions', 'vip'),
              ('A4', 'champions', 'vip'), ('A5', 'champions', 'vip'), ('A6', 'champions', 'vip'),
              ('B1', 'hibernating', 'small'), ('B2', 'hibernating', 'small'),
              ('B3', 'hibernating', 'small'), ('B4', 'hibernating', 'small'),
              ('B5', 'hibernating', 'small'), ('B6', 'hibernating', 'small')
              AS t(customer_id, segment, tier)
            UNION ALL
            SELECT DATE'2026-11-10', 'A1', 'lost', 'small'
            """);
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("d", Date.valueOf(D));
    args.put("attribution", 30);
    // the fixture's groups are tiny: two customers a side are enough here (the report needs 20)
    lifts = CampaignLift.estimate(spark, segments, args, 2);
    fewest = CampaignLift.estimate(spark, segments, args, 3).keySet();
  }

  private static Moments m(long n, double sum, double squares) {
    return new Moments(n, sum, squares);
  }

  @Test
  void withoutAHoldoutTheComparisonIsMatchedOnSegmentAndTierAtTheSendDate() {
    // vip cell: treated A1 2 (O2 has two lines), A2 1, A3 0 (its order is a minute before the
    // send), A4 1 (its second
    // order is after D); compared with A5 1, A6 0. small cell: B1 0, B2 1 against B3 1, B4-6 0.
    Estimate purchases =
        IncrementalEffect.stratified(
                List.of(new Cell(m(4, 4, 6), m(2, 1, 1)), new Cell(m(2, 1, 1), m(4, 1, 1))))
            .orElseThrow();
    CampaignLift.Lift k1 = lifts.get("K1");
    assertThat(k1.design()).isEqualTo(ReportCampaigns.BY_MATCHING);
    assertThat(k1.purchases()).isEqualTo(purchases);
    assertThat(k1.purchases().treatedMean()).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(k1.purchases().comparisonMean())
        .isCloseTo(4 / 6.0 * 0.5 + 2 / 6.0 * 0.25, within(1e-12));
    // revenue is net: A1 10 + 20 − 10 (the return is in the window)
    Estimate revenue =
        IncrementalEffect.stratified(
                List.of(
                    new Cell(m(4, 60, 400 + 900 + 100), m(2, 10, 100)),
                    new Cell(m(2, 5, 25), m(4, 5, 25))))
            .orElseThrow();
    assertThat(k1.revenue().difference()).isCloseTo(revenue.difference(), within(1e-9));
    assertThat(k1.revenue().standardError()).isCloseTo(revenue.standardError(), within(1e-9));
  }

  @Test
  void aRecordedHoldoutIsTheComparisonGroup() {
    CampaignLift.Lift k2 = lifts.get("K2");
    assertThat(k2.design()).isEqualTo(ReportCampaigns.BY_HOLDOUT);
    assertThat(k2.purchases())
        .isEqualTo(IncrementalEffect.compare(m(3, 2, 2), m(2, 1, 1)).orElseThrow());
    assertThat(k2.revenue().difference()).isCloseTo(40 / 3.0 - 10, within(1e-9));
  }

  @Test
  void aCampaignSentOverSeveralDaysWithoutHoldoutHasNoComparison() {
    assertThat(lifts).containsOnlyKeys("K1", "K2");
  }

  @Test
  void tooFewCustomersOnASideIsNotMeasured() {
    // K2's holdout has two customers; K1 has six touched and six to compare with
    assertThat(fewest).containsExactly("K1");
  }

  @Test
  void theIncrementalColumnsScaleToTheCustomersTouchedAndPriceTheCost() {
    Row k2 =
        ReportFixture.row(
            Reports.CAMPAIGNS,
            ReportCampaigns.LEVEL,
            "campaign",
            ReportCampaigns.CAMPAIGN_ID,
            "K2",
            ReportCampaigns.CUSTOMERS,
            3L,
            ReportCampaigns.COST,
            new BigDecimal("3.00"));
    Row segment =
        ReportFixture.row(
            Reports.CAMPAIGNS,
            ReportCampaigns.LEVEL,
            "campaign_segment",
            ReportCampaigns.CAMPAIGN_ID,
            "K2",
            ReportCampaigns.CUSTOMERS,
            3L);
    List<Row> out = CampaignLift.addTo(List.of(k2, segment), lifts, Reports.CAMPAIGNS.schema());
    Row r = out.get(0);
    Estimate revenue = lifts.get("K2").revenue();
    assertThat(r.<Double>getAs(ReportCampaigns.INCREMENTAL_REVENUE)).isCloseTo(10, within(1e-9));
    assertThat(r.<Double>getAs(ReportCampaigns.INCREMENTAL_ROI)).isCloseTo(7 / 3.0, within(1e-9));
    assertThat(r.<Double>getAs(ReportCampaigns.INCREMENTAL_ROI_LOW))
        .isCloseTo((revenue.low() * 3 - 3) / 3, within(1e-9));
    assertThat(r.<Double>getAs(ReportCampaigns.PURCHASE_RATE)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(r.<Double>getAs(ReportCampaigns.COMPARISON_PURCHASE_RATE))
        .isCloseTo(0.5, within(1e-12));
    assertThat(r.<Double>getAs(ReportCampaigns.PURCHASE_LIFT)).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(r.<Long>getAs(ReportCampaigns.COMPARISON_CUSTOMERS)).isEqualTo(2L);
    assertThat(r.<String>getAs(ReportCampaigns.COMPARISON)).isEqualTo("holdout");
    // other levels keep no incremental columns
    assertThat(out.get(1).<Object>getAs(ReportCampaigns.INCREMENTAL_ROI)).isNull();
  }
}
