package com.crmanalytics.segment;

import static com.crmanalytics.contract.CustomerSegments.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percent_rank;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.PyramidSettings;
import com.crmanalytics.config.PyramidSettings.Tier;
import com.crmanalytics.config.RfmSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores, segments and tiers on hand-computed fixtures. Six customers (N − 1 = 5 = bins, so a score
 * is 1 + the number of customers strictly worse, capped at 5):
 *
 * <pre>
 * id  recency freq monetary margin | R F M cell segment        rank tier
 * c1        0   10   500.00    100 | 5 5 5 555  champions         1  vip
 * c2        5   10   300.00    200 | 4 5 4 454  loyal             2  ordinary
 * c3        5    3   300.00     50 | 4 4 4 444  loyal             3  small  (tie at the cut: by id)
 * c4       40    1   100.00     10 | 3 2 3 323  about_to_sleep    4  small
 * c5      200    1    50.00      5 | 2 2 2 222  hibernating       5  small
 * c6      400    0     0.00      0 | 1 1 1 111  lost              6  small
 * </pre>
 *
 * Tiers for N = 6: vip to rank ceil(0.06) = 1, major to ceil(0.3) = 1 (empty), ordinary to
 * ceil(1.2) = 2, small the rest.
 */
class SegmentStageTest {
  static final RfmSettings RFM = new RfmSettings(365, 5);
  static final List<Tier> TIERS =
      List.of(
          new Tier("vip", 0.01),
          new Tier("major", 0.05),
          new Tier("ordinary", 0.20),
          new Tier("small", 1.0));
  static final PyramidSettings BY_REVENUE =
      new PyramidSettings(PyramidSettings.Measure.REVENUE, TIERS);

  static Dataset<Row> six() {
    Rows rows = Rows.of(CustomerFeatures.CONTRACT);
    Object[][] data = {
      {"c1", 0, 10, "500.00", "100.00"},
      {"c2", 5, 10, "300.00", "200.00"},
      {"c3", 5, 3, "300.00", "50.00"},
      {"c4", 40, 1, "100.00", "10.00"},
      {"c5", 200, 1, "50.00", "5.00"},
      {"c6", 400, 0, "0.00", "0.00"},
    };
    for (Object[] d : data) {
      rows.row(
          CustomerFeatures.CUSTOMER_ID,
          d[0],
          CustomerFeatures.AS_OF_DATE,
          "2026-11-22",
          CustomerFeatures.RECENCY_DAYS,
          d[1],
          CustomerFeatures.FREQUENCY,
          d[2],
          CustomerFeatures.MONETARY,
          d[3],
          CustomerFeatures.MONETARY_MARGIN,
          d[4]);
    }
    return rows.dataset();
  }

  static SegmentStage.Segmentation result;
  static Map<String, Row> byId;

  @BeforeAll
  static void compute() {
    result = SegmentStage.transform(six(), RFM, BY_REVENUE);
    byId = byCustomer(result.segments());
  }

  static Map<String, Row> byCustomer(Dataset<Row> segments) {
    return segments.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex(CUSTOMER_ID)), r -> r));
  }

  static String summary(Row r) {
    return r.getAs(R_SCORE)
        + " "
        + r.getAs(F_SCORE)
        + " "
        + r.getAs(M_SCORE)
        + " "
        + r.getAs(RFM_CELL)
        + " "
        + r.getAs(SEGMENT)
        + " "
        + r.getAs(TIER_RANK)
        + " "
        + r.getAs(TIER);
  }

  @Test
  void exactScoresSegmentsAndTiers() {
    assertThat(result.customers()).isEqualTo(6);
    assertThat(summary(byId.get("c1"))).isEqualTo("5 5 5 555 champions 1 vip");
    assertThat(summary(byId.get("c2"))).isEqualTo("4 5 4 454 loyal 2 ordinary");
    assertThat(summary(byId.get("c3"))).isEqualTo("4 4 4 444 loyal 3 small");
    assertThat(summary(byId.get("c4"))).isEqualTo("3 2 3 323 about_to_sleep 4 small");
    assertThat(summary(byId.get("c5"))).isEqualTo("2 2 2 222 hibernating 5 small");
    assertThat(summary(byId.get("c6"))).isEqualTo("1 1 1 111 lost 6 small");
  }

  @Test
  void carriesTheRfmValuesAndTheContractsColumns() {
    Row c2 = byId.get("c2");
    assertThat(c2.<Integer>getAs(RECENCY_DAYS)).isEqualTo(5);
    assertThat(c2.<Integer>getAs(FREQUENCY)).isEqualTo(10);
    assertThat(c2.<BigDecimal>getAs(MONETARY)).isEqualTo(new BigDecimal("300.00"));
    assertThat(result.segments().columns()).containsExactlyElementsOf(CONTRACT.columnNames());
  }

  @Test
  void thresholdsExplainEveryScore() {
    assertThat(result.thresholds())
        .containsEntry("r_score.2.recency_days_below", 400.0)
        .containsEntry("r_score.3.recency_days_below", 200.0)
        .containsEntry("r_score.4.recency_days_below", 40.0)
        .containsEntry("r_score.5.recency_days_below", 5.0)
        .containsEntry("f_score.2.frequency_above", 0.0)
        .containsEntry("f_score.3.frequency_above", 1.0)
        .containsEntry("f_score.4.frequency_above", 1.0)
        .containsEntry("f_score.5.frequency_above", 3.0)
        .containsEntry("m_score.2.monetary_above", 0.0)
        .containsEntry("m_score.3.monetary_above", 50.0)
        .containsEntry("m_score.4.monetary_above", 100.0)
        .containsEntry("m_score.5.monetary_above", 300.0)
        .containsEntry("tier.vip.last_rank", 1.0)
        .containsEntry("tier.vip.min_revenue", 500.0)
        .containsEntry("tier.major.last_rank", 1.0)
        .doesNotContainKey("tier.major.min_revenue")
        .containsEntry("tier.ordinary.last_rank", 2.0)
        .containsEntry("tier.ordinary.min_revenue", 300.0)
        .containsEntry("tier.small.last_rank", 6.0)
        .containsEntry("tier.small.min_revenue", 0.0);
    assertThat(result.metrics())
        .containsEntry("tier.vip.customers", 1.0)
        .containsEntry("tier.major.customers", 0.0)
        .containsEntry("tier.ordinary.customers", 1.0)
        .containsEntry("tier.small.customers", 4.0);
    assertThat(result.params())
        .containsEntry("rfm.bins", 5.0)
        .containsEntry("rfm.window_days", 365.0);
  }

  @Test
  void pyramidByMargin() {
    PyramidSettings byMargin = new PyramidSettings(PyramidSettings.Measure.MARGIN, TIERS);
    SegmentStage.Segmentation s = SegmentStage.transform(six(), RFM, byMargin);
    Map<String, Row> rows = byCustomer(s.segments());
    assertThat(rows.get("c2").<String>getAs(TIER)).isEqualTo("vip");
    assertThat(rows.get("c1").<String>getAs(TIER)).isEqualTo("ordinary");
    assertThat(rows.get("c1").<Long>getAs(TIER_RANK)).isEqualTo(2L);
    assertThat(s.thresholds()).containsEntry("tier.vip.min_margin", 200.0);
  }

  @Test
  void aSingleCustomerScoresOneAndIsTheWholePyramidTop() {
    SegmentStage.Segmentation s =
        SegmentStage.transform(six().filter(col(CUSTOMER_ID).equalTo("c1")), RFM, BY_REVENUE);
    assertThat(summary(s.segments().first())).isEqualTo("1 1 1 111 lost 1 vip");
  }

  @Test
  void pyramidBoundariesAtN101() {
    Dataset<Row> many =
        TestSpark.session()
            .range(1, 102)
            .select(
                org.apache
                    .spark
                    .sql
                    .functions
                    .format_string("c%03d", col("id"))
                    .as(CustomerFeatures.CUSTOMER_ID),
                lit(java.sql.Date.valueOf("2026-11-22")).as(CustomerFeatures.AS_OF_DATE),
                col("id").cast("int").as(CustomerFeatures.RECENCY_DAYS),
                lit(1).as(CustomerFeatures.FREQUENCY),
                // c001..c003 tie at 1000, then decreasing
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("id").leq(3), 1000)
                    .otherwise(lit(1000).minus(col("id")))
                    .cast("decimal(18,2)")
                    .as(CustomerFeatures.MONETARY),
                lit(0).cast("decimal(18,2)").as(CustomerFeatures.MONETARY_MARGIN));
    Dataset<Row> segments = SegmentStage.transform(many, RFM, BY_REVENUE).segments();
    Map<String, Long> perTier =
        segments.groupBy(TIER).count().collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(perTier).isEqualTo(Map.of("vip", 2L, "major", 4L, "ordinary", 15L, "small", 80L));
    // The vip cut (rank 2) falls inside the three-way tie at 1000: customer_id decides.
    Map<String, Row> rows = byCustomer(segments);
    assertThat(rows.get("c002").<String>getAs(TIER)).isEqualTo("vip");
    assertThat(rows.get("c003").<String>getAs(TIER)).isEqualTo("major");
    assertThat(rows.get("c003").<Long>getAs(TIER_RANK)).isEqualTo(3L);
    // All frequencies equal: everyone shares the worst value and scores 1.
    assertThat(segments.filter(col(F_SCORE).notEqual(1)).count()).isZero();
  }

  @Test
  void scoresMatchSparksPercentRankOnTiedData() {
    Dataset<Row> tied =
        TestSpark.session()
            .range(0, 137)
            .select(
                org.apache
                    .spark
                    .sql
                    .functions
                    .format_string("k%03d", col("id"))
                    .as(CustomerFeatures.CUSTOMER_ID),
                lit(java.sql.Date.valueOf("2026-11-22")).as(CustomerFeatures.AS_OF_DATE),
                col("id").multiply(7).mod(23).cast("int").as(CustomerFeatures.RECENCY_DAYS),
                col("id").mod(4).cast("int").as(CustomerFeatures.FREQUENCY),
                col("id").multiply(13).mod(31).cast("decimal(18,2)").as(CustomerFeatures.MONETARY),
                lit(0).cast("decimal(18,2)").as(CustomerFeatures.MONETARY_MARGIN));
    Dataset<Row> expected =
        tied.select(
            col(CustomerFeatures.CUSTOMER_ID),
            expectedScore(
                    percent_rank().over(Window.orderBy(col(CustomerFeatures.RECENCY_DAYS).desc())))
                .as("r"),
            expectedScore(percent_rank().over(Window.orderBy(col(CustomerFeatures.FREQUENCY))))
                .as("f"),
            expectedScore(percent_rank().over(Window.orderBy(col(CustomerFeatures.MONETARY))))
                .as("m"));
    Dataset<Row> actual = SegmentStage.transform(tied, RFM, BY_REVENUE).segments();
    long mismatches =
        actual
            .join(expected, CustomerFeatures.CUSTOMER_ID)
            .filter(
                col(R_SCORE)
                    .notEqual(col("r"))
                    .or(col(F_SCORE).notEqual(col("f")))
                    .or(col(M_SCORE).notEqual(col("m"))))
            .count();
    assertThat(mismatches).isZero();
  }

  /** min(5, 1 + floor(5 × percent_rank)), with a guard against 5 × 0.6 = 2.9999… */
  private static org.apache.spark.sql.Column expectedScore(
      org.apache.spark.sql.Column percentRank) {
    return org.apache.spark.sql.functions.least(
        lit(5),
        lit(1)
            .plus(org.apache.spark.sql.functions.floor(percentRank.multiply(5).plus(1e-9)))
            .cast("int"));
  }
}
