package com.crmanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CustomerSegments;
import com.crmanalytics.contract.CustomerValue;
import com.crmanalytics.contract.ModelRuns;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ReportActions;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Rows;
import com.crmanalytics.testing.TestSpark;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report tables on a five-customer fixture whose every number is computed by hand in the
 * comments. Gold tables are written directly (two dates, P and D), silver rows cover the 30-day
 * window ending D (rfm.window-days = 30) plus rows outside it that must not count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportStageTest {
  static final LocalDate P = LocalDate.of(2026, 11, 19);
  static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final Map<String, String> SETTINGS =
      Map.of(
          "rfm.window-days",
          "30",
          "report.attribution-days",
          "10",
          "report.actions",
          "[{ name = at_risk, condition = \"risk_band = 'high'\", action { en = Call, zh-CN = 致电 },"
              + " notebook = campaign_target_list.sql },"
              + " { name = big, condition = \"tier IN ('vip', 'major') AND lifetime_orders >= 2 AND"
              + " tenure_days <= 60\", action { en = Thank, zh-CN = 感谢 } }]");

  @TempDir static Path dir;
  ReportStage.Result first;
  ReportStage.Result second;

  @BeforeAll
  void runTwoDates() {
    Warehouse wh = context(P).warehouse();
    writeGold(wh);
    writeSilver(wh);
    first = TestSpark.run(ReportStage::from, context(P));
    second = TestSpark.run(ReportStage::from, context(D));
  }

  RunContext context(LocalDate date) {
    Map<String, String> settings = new java.util.HashMap<>(SETTINGS);
    settings.put("paths.reports", dir.resolve("reports").toString());
    return TestSpark.context(date, dir.resolve("landing"), dir.resolve("warehouse"), settings);
  }

  // c1..c5 on D: window revenue 60, 30, 10, 0, 0 (total 100); c5 is new on D (absent on P).
  static void writeGold(Warehouse wh) {
    for (LocalDate day : List.of(P, D)) {
      Rows f = Rows.zeroFilled(CustomerFeatures.CONTRACT);
      Rows s = Rows.zeroFilled(CustomerSegments.CONTRACT);
      Rows v = Rows.zeroFilled(CustomerValue.CONTRACT);
      boolean onD = day.equals(D);
      customer(
          day,
          f,
          s,
          v,
          "c1",
          "60.00",
          "20.00",
          3,
          "2025-01-01",
          onD ? "champions" : "loyal",
          onD ? "vip" : "major",
          1,
          100,
          80.0,
          0.1,
          "low",
          0.9);
      customer(
          day,
          f,
          s,
          v,
          "c2",
          "30.00",
          "10.00",
          2,
          "2026-11-10",
          "loyal",
          "major",
          2,
          50,
          40.0,
          0.5,
          "medium",
          0.6);
      customer(
          day,
          f,
          s,
          v,
          "c3",
          "10.00",
          "3.00",
          1,
          "2025-06-01",
          "loyal",
          "ordinary",
          3,
          20,
          10.0,
          0.7,
          "high",
          0.3);
      customer(
          day,
          f,
          s,
          v,
          "c4",
          "0.00",
          "0.00",
          0,
          "2025-06-01",
          "lost",
          "small",
          4,
          5,
          0.0,
          0.9,
          "high",
          0.1);
      if (onD) {
        customer(
            day,
            f,
            s,
            v,
            "c5",
            "0.00",
            "0.00",
            0,
            "2025-06-01",
            "lost",
            "small",
            5,
            5,
            0.0,
            0.8,
            "high",
            0.2);
      }
      String on = "as_of_date = DATE'" + day + "'";
      wh.replace(CustomerFeatures.CONTRACT, f.dataset(), on);
      wh.replace(CustomerSegments.CONTRACT, s.dataset(), on);
      wh.replace(CustomerValue.CONTRACT, v.dataset(), on);
    }
    Row fit =
        RowFactory.create(
            "test",
            Date.valueOf(D),
            "bg-nbd",
            Map.of("r", 0.25, "alpha", 4.0),
            -100.0,
            5L,
            true,
            10,
            Map.of(
                "holdout.actual_total", 10.0, "holdout.predicted_total", 9.5, "broken", Double.NaN),
            null);
    wh.replace(
        ModelRuns.CONTRACT,
        TestSpark.session().createDataFrame(List.of(fit), ModelRuns.CONTRACT.schema()),
        "as_of_date = DATE'" + D + "'");
  }

  static void customer(
      LocalDate day,
      Rows f,
      Rows s,
      Rows v,
      String id,
      String revenue,
      String margin,
      int frequency,
      String firstOrder,
      String segment,
      String tier,
      long rank,
      double clv,
      Double baseline,
      double churn,
      String band,
      double pAlive) {
    String date = day.toString();
    f.row(
        "customer_id",
        id,
        "as_of_date",
        date,
        "monetary",
        revenue,
        "monetary_margin",
        margin,
        "frequency",
        frequency,
        "first_order_date",
        firstOrder,
        "lifetime_orders",
        frequency,
        "tenure_days",
        (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(firstOrder), day));
    s.row(
        "customer_id",
        id,
        "as_of_date",
        date,
        "monetary",
        revenue,
        "frequency",
        frequency,
        "segment",
        segment,
        "tier",
        tier,
        "tier_rank",
        rank,
        "rfm_cell",
        "111");
    v.row(
        "customer_id",
        id,
        "as_of_date",
        date,
        "model",
        "bg-nbd",
        "clv",
        clv,
        "clv_baseline",
        baseline,
        "churn_probability",
        churn,
        "risk_band",
        band,
        "p_alive",
        pAlive,
        "clv_at_risk",
        churn * clv);
  }

  static void writeSilver(Warehouse wh) {
    wh.append(
        Orders.CONTRACT,
        Rows.of(Orders.CONTRACT)
            .row(
                "order_id",
                "O0",
                "line_no",
                1,
                "customer_id",
                "c1",
                "order_ts",
                "2026-10-30T10:00:00Z",
                "amount",
                "20.00",
                "cost",
                "15.00",
                "category",
                "A",
                "channel",
                "web",
                "region",
                "N")
            .row(
                "order_id",
                "O1",
                "line_no",
                1,
                "customer_id",
                "c1",
                "order_ts",
                "2026-11-05T10:00:00Z",
                "amount",
                "40.00",
                "cost",
                "25.00",
                "category",
                "A",
                "channel",
                "web",
                "region",
                "N")
            .row(
                "order_id",
                "O2",
                "line_no",
                1,
                "customer_id",
                "c2",
                "order_ts",
                "2026-11-10T10:00:00Z",
                "amount",
                "35.00",
                "category",
                "B",
                "channel",
                "store",
                "region",
                "S")
            .row(
                "order_id",
                "R1",
                "line_no",
                1,
                "customer_id",
                "c2",
                "order_ts",
                "2026-11-12T10:00:00Z",
                "amount",
                "-5.00",
                "quantity",
                -1,
                "category",
                "B",
                "channel",
                "store",
                "region",
                "S")
            .row(
                "order_id",
                "O3",
                "line_no",
                1,
                "customer_id",
                "c3",
                "order_ts",
                "2026-11-15T10:00:00Z",
                "amount",
                "10.00",
                "cost",
                "8.00",
                "category",
                "B",
                "channel",
                "web",
                "region",
                "N")
            // outside the window (before it, and after D): never counted on D
            .row(
                "order_id",
                "OLD",
                "line_no",
                1,
                "customer_id",
                "c4",
                "order_ts",
                "2026-01-05T10:00:00Z",
                "amount",
                "15.00",
                "category",
                "A",
                "channel",
                "web",
                "region",
                "N")
            .row(
                "order_id",
                "LATE",
                "line_no",
                1,
                "customer_id",
                "c1",
                "order_ts",
                "2026-11-21T10:00:00Z",
                "amount",
                "99.00",
                "category",
                "A",
                "channel",
                "web",
                "region",
                "N")
            .dataset());
    wh.append(
        CampaignTouches.CONTRACT,
        Rows.of(CampaignTouches.CONTRACT)
            .row(
                "campaign_id",
                "K1",
                "campaign_name",
                "Autumn sale",
                "customer_id",
                "c1",
                "sent_ts",
                "2026-11-01T08:00:00Z",
                "opened_ts",
                "2026-11-01T09:00:00Z",
                "converted_ts",
                "2026-11-02T09:00:00Z",
                "cost",
                "2.00")
            .row(
                "campaign_id",
                "K1",
                "campaign_name",
                "Autumn sale",
                "customer_id",
                "c2",
                "sent_ts",
                "2026-11-01T08:00:00Z",
                "opened_ts",
                "2026-11-01T09:00:00Z",
                "cost",
                "2.00")
            .row(
                "campaign_id",
                "K1",
                "campaign_name",
                "Autumn sale",
                "customer_id",
                "c3",
                "sent_ts",
                "2026-11-01T08:00:00Z",
                "opened_ts",
                "2026-11-01T09:00:00Z",
                "clicked_ts",
                "2026-11-01T09:05:00Z",
                "converted_ts",
                "2026-11-03T09:00:00Z",
                "cost",
                "2.00")
            .row(
                "campaign_id",
                "K1",
                "campaign_name",
                "Autumn sale",
                "customer_id",
                "c4",
                "sent_ts",
                "2026-10-01T08:00:00Z",
                "converted_ts",
                "2026-10-02T08:00:00Z",
                "cost",
                "2.00")
            .dataset());
    wh.append(
        ServiceContacts.CONTRACT,
        Rows.of(ServiceContacts.CONTRACT)
            .row(
                "contact_id",
                "S1",
                "customer_id",
                "c1",
                "opened_ts",
                "2026-11-02T10:00:00Z",
                "channel",
                "phone",
                "category",
                "complaint",
                "wait_seconds",
                60,
                "abandoned",
                false,
                "resolved",
                true,
                "satisfaction",
                2,
                "cost",
                "5.00")
            .row(
                "contact_id",
                "S2",
                "customer_id",
                "c1",
                "opened_ts",
                "2026-11-05T10:00:00Z",
                "channel",
                "phone",
                "category",
                "complaint",
                "wait_seconds",
                120,
                "abandoned",
                false,
                "resolved",
                true,
                "satisfaction",
                4,
                "cost",
                "5.00")
            .row(
                "contact_id",
                "S3",
                "customer_id",
                "c3",
                "opened_ts",
                "2026-11-10T10:00:00Z",
                "channel",
                "email",
                "category",
                "inquiry",
                "abandoned",
                false,
                "resolved",
                true,
                "satisfaction",
                5,
                "cost",
                "1.00")
            .row(
                "contact_id",
                "S4",
                "customer_id",
                "c4",
                "opened_ts",
                "2026-11-12T10:00:00Z",
                "channel",
                "phone",
                "category",
                "repair",
                "wait_seconds",
                300,
                "abandoned",
                true,
                "resolved",
                false,
                "cost",
                "3.00")
            .row(
                "contact_id",
                "S5",
                "customer_id",
                "x9",
                "opened_ts",
                "2026-11-15T10:00:00Z",
                "channel",
                "chat",
                "category",
                "inquiry",
                "wait_seconds",
                30,
                "abandoned",
                false,
                "resolved",
                false,
                "satisfaction",
                3,
                "cost",
                "1.00")
            .dataset());
  }

  List<Row> rows(TableContract table, LocalDate day) {
    return context(day)
        .warehouse()
        .read(table)
        .filter("as_of_date = DATE'" + day + "'")
        .collectAsList();
  }

  static Row one(List<Row> rows, Predicate<Row> which) {
    List<Row> found = rows.stream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  static Predicate<Row> is(String column, Object value) {
    return r -> Objects.equals(r.getAs(column), value);
  }

  static double d(Row r, String column) {
    Object v = r.getAs(column);
    return v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
  }

  @Test
  void kpisAreTheHeadlineSums() {
    Row k = one(rows(Reports.KPIS, D), r -> true);
    assertThat(k.<Long>getAs("customers_known")).isEqualTo(5);
    assertThat(k.<Long>getAs("customers_active")).isEqualTo(3); // frequency > 0
    assertThat(k.<Long>getAs("customers_new"))
        .isEqualTo(1); // c2: first order 2026-11-10, within 30 days
    assertThat(k.<Long>getAs("orders")).isEqualTo(5); // O0 O1 O2 R1 O3; OLD and LATE are outside
    assertThat(d(k, "revenue")).isEqualTo(100.0);
    assertThat(d(k, "margin")).isEqualTo(33.0);
    assertThat(d(k, "customer_equity")).isEqualTo(180.0);
    assertThat(d(k, "customer_equity_baseline")).isEqualTo(130.0);
    // has left: Σ (1 − p_alive) = 5 − 5 · 0.42; quiet in the horizon: Σ churn_probability = .1 + .5
    // + .7 + .9 + .8
    assertThat(d(k, "expected_churners")).isCloseTo(2.9, within(1e-9));
    assertThat(d(k, "churn_rate")).isCloseTo(0.58, within(1e-9));
    assertThat(d(k, "expected_quiet")).isCloseTo(3.0, within(1e-9));
    assertThat(d(k, "quiet_share")).isCloseTo(0.6, within(1e-9));
    assertThat(k.<Integer>getAs("churn_horizon_days")).isEqualTo(90);
    assertThat(d(k, "value_if_all_active")).isCloseTo(180 + 57.5, within(1e-9));
    assertThat(k.<Double>getAs("customer_equity_low")).isNull();
    assertThat(k.<Long>getAs("high_risk_customers")).isEqualTo(3);
    assertThat(d(k, "clv_at_risk")).isCloseTo(57.5, within(1e-9)); // 10 + 25 + 14 + 4.5 + 4
    assertThat(d(k, "mean_p_alive")).isCloseTo(0.42, within(1e-9));
    assertThat(d(k, "top_20_share")).isCloseTo(0.6, within(1e-9)); // the top 1 of 5 holds 60 of 100
    assertThat(d(k, "gini")).isCloseTo(0.6, within(1e-9));
    assertThat(k.<String>getAs("currency")).isEqualTo("USD");
  }

  @Test
  void pyramidSharesFollowTheTiersInOrder() {
    List<Row> p = rows(Reports.PYRAMID, D);
    assertThat(p)
        .extracting(r -> r.getAs("tier"))
        .containsExactlyInAnyOrder("vip", "major", "ordinary", "small");
    Row vip = one(p, is("tier", "vip"));
    assertThat(vip.<Integer>getAs("tier_order")).isEqualTo(1);
    assertThat(d(vip, "revenue_share")).isCloseTo(0.6, within(1e-9));
    Row major = one(p, is("tier", "major"));
    assertThat(d(major, "cumulative_revenue_share")).isCloseTo(0.9, within(1e-9));
    Row small = one(p, is("tier", "small"));
    assertThat(small.<Long>getAs("customers")).isEqualTo(2);
    assertThat(d(small, "customer_share")).isCloseTo(0.4, within(1e-9));
    assertThat(d(small, "cumulative_revenue_share")).isCloseTo(1.0, within(1e-9));
    assertThat(d(small, "clv_mean")).isCloseTo(5.0, within(1e-9));
    assertThat(d(small, "churn_probability_mean")).isCloseTo(0.85, within(1e-9));
  }

  @Test
  void concentrationIsTheLorenzCurveAndTheGini() {
    List<Row> c = rows(Reports.CONCENTRATION, D);
    assertThat(c).hasSize(100);
    // Ranked 60, 30, 10, 0, 0: top 20% = 1 customer = .6, top 40% = 2 = .9; the bottom 60% hold 10
    // of 100.
    assertThat(d(one(c, is("percentile", 20)), "top_share")).isCloseTo(0.6, within(1e-9));
    assertThat(one(c, is("percentile", 21)).<Long>getAs("top_customers")).isEqualTo(2);
    assertThat(d(one(c, is("percentile", 40)), "top_share")).isCloseTo(0.9, within(1e-9));
    assertThat(d(one(c, is("percentile", 60)), "lorenz_share")).isCloseTo(0.1, within(1e-9));
    assertThat(d(one(c, is("percentile", 100)), "lorenz_share")).isCloseTo(1.0, within(1e-9));
    // Gini = 2 Σ i x_i / (N Σ x) − (N + 1)/N = 2·450/500 − 6/5 = 0.6
    assertThat(c).allSatisfy(r -> assertThat(d(r, "gini")).isCloseTo(0.6, within(1e-9)));
  }

  @Test
  void segmentsGroupBySegmentTierAndBoth() {
    List<Row> s = rows(Reports.SEGMENTS, D);
    Row loyal = one(s, is("level", "segment").and(is("segment", "loyal")));
    assertThat(loyal.<Long>getAs("customers")).isEqualTo(2);
    assertThat(d(loyal, "clv_total")).isEqualTo(70.0);
    assertThat(d(loyal, "clv_at_risk")).isCloseTo(39.0, within(1e-9));
    assertThat(loyal.<Long>getAs("risk_medium")).isEqualTo(1);
    assertThat(loyal.<Long>getAs("risk_high")).isEqualTo(1);
    Row small = one(s, is("level", "tier").and(is("tier", "small")));
    assertThat(small.<Long>getAs("risk_high")).isEqualTo(2);
    assertThat(small.<String>getAs("segment")).isNull();
    assertThat(
            one(s, is("level", "segment_tier").and(is("segment", "loyal")).and(is("tier", "major")))
                .<Long>getAs("customers"))
        .isEqualTo(1);
  }

  @Test
  void migrationIsEmptyOnTheFirstDateAndCountsMovesOnTheNext() {
    assertThat(rows(Reports.MIGRATION, P)).isEmpty();
    assertThat(first.data().rows(Reports.MIGRATION)).isEmpty();
    List<Row> m = rows(Reports.MIGRATION, D);
    assertThat(m)
        .allSatisfy(
            r -> assertThat(r.<Date>getAs("previous_as_of_date")).isEqualTo(Date.valueOf(P)));
    Predicate<Row> segment = is("dimension", "segment");
    assertThat(
            one(m, segment.and(is("from_value", "loyal")).and(is("to_value", "champions")))
                .<Long>getAs("customers"))
        .isEqualTo(1);
    assertThat(
            one(m, segment.and(is("from_value", "loyal")).and(is("to_value", "loyal")))
                .<Long>getAs("customers"))
        .isEqualTo(2);
    Row entered = one(m, segment.and(is("from_value", null)));
    assertThat(entered.<String>getAs("to_value")).isEqualTo("lost"); // c5, not a customer on P
    Row up =
        one(m, is("dimension", "tier").and(is("from_value", "major")).and(is("to_value", "vip")));
    assertThat(up.<Long>getAs("customers")).isEqualTo(1);
    assertThat(d(up, "revenue")).isEqualTo(60.0);
  }

  @Test
  void campaignRoiCountsRevenueWithinTheAttributionDays() {
    List<Row> c = rows(Reports.CAMPAIGNS, D);
    Row k1 = one(c, is("level", "campaign"));
    // The 2026-10-01 touch is outside the 30-day window; three touches remain.
    assertThat(k1.<Long>getAs("touches")).isEqualTo(3);
    assertThat(k1.<Long>getAs("opens")).isEqualTo(3);
    assertThat(k1.<Long>getAs("clicks")).isEqualTo(1);
    assertThat(k1.<Long>getAs("conversions")).isEqualTo(2);
    assertThat(d(k1, "cost")).isEqualTo(6.0);
    assertThat(d(k1, "cost_per_response")).isCloseTo(3.0, within(1e-9));
    // c1's O1 (4 days after the touch) counts; O0 is before it; c3's O3 is 14 days after, beyond
    // 10.
    assertThat(d(k1, "attributed_revenue")).isEqualTo(40.0);
    assertThat(d(k1, "roi")).isCloseTo((40.0 - 6.0) / 6.0, within(1e-9));
    Row loyal = one(c, is("level", "campaign_segment").and(is("segment", "loyal")));
    assertThat(loyal.<Long>getAs("touches")).isEqualTo(2);
    assertThat(d(loyal, "roi")).isCloseTo(-1.0, within(1e-9));
    assertThat(d(one(c, is("level", "campaign_tier").and(is("tier", "vip"))), "roi"))
        .isCloseTo(19.0, within(1e-9));
  }

  @Test
  void serviceQualityPerTierAndChannel() {
    List<Row> s = rows(Reports.SERVICE, D);
    Row vip = one(s, is("level", "tier").and(is("tier", "vip")));
    assertThat(vip.<Long>getAs("contacts")).isEqualTo(2);
    assertThat(d(vip, "mean_wait_seconds")).isEqualTo(90.0);
    // S1 is followed by S2 (same customer, same category, 3 days later): only S2 is resolved at
    // first contact.
    assertThat(d(vip, "first_contact_resolution")).isCloseTo(0.5, within(1e-9));
    assertThat(d(vip, "complaint_rate")).isEqualTo(1.0);
    assertThat(d(vip, "cost_to_serve")).isEqualTo(10.0);
    Row small = one(s, is("level", "tier").and(is("tier", "small")));
    assertThat(d(small, "contacts_per_customer"))
        .isCloseTo(0.5, within(1e-9)); // 1 contact, 2 customers in the tier
    assertThat(d(small, "abandonment_rate")).isEqualTo(1.0);
    assertThat(small.<Double>getAs("first_contact_resolution")).isNull();
    assertThat(one(s, is("level", "tier").and(is("tier", null))).<Long>getAs("contacts"))
        .isEqualTo(1); // x9
    Row phone = one(s, is("level", "channel").and(is("channel", "phone")));
    assertThat(phone.<Long>getAs("contacts")).isEqualTo(3);
    assertThat(d(phone, "contacts_per_customer")).isCloseTo(1.5, within(1e-9));
    assertThat(d(phone, "mean_wait_seconds")).isCloseTo(160.0, within(1e-9));
    assertThat(d(phone, "abandonment_rate")).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void salesByCategoryNetOfReturns() {
    List<Row> s = rows(Reports.SALES, D);
    Row a = one(s, is("dimension", "category").and(is("value", "A")));
    assertThat(d(a, "revenue")).isEqualTo(60.0);
    assertThat(d(a, "margin")).isEqualTo(20.0);
    assertThat(d(a, "revenue_share")).isCloseTo(0.6, within(1e-9));
    Row b = one(s, is("dimension", "category").and(is("value", "B")));
    assertThat(d(b, "revenue")).isEqualTo(40.0); // 35 − 5 + 10
    assertThat(d(b, "returned_amount")).isEqualTo(5.0);
    assertThat(b.<Long>getAs("orders")).isEqualTo(3);
    assertThat(b.<Long>getAs("customers")).isEqualTo(2);
    assertThat(one(s, is("dimension", "region").and(is("value", "N"))).<Long>getAs("lines"))
        .isEqualTo(3);
    // the page's margins stand on the sales with a cost: 20 + 40 + 10 of 105 (the return left out)
    assertThat(second.data().margins().costedShare()).isCloseTo(70 / 105.0, within(1e-12));
  }

  @Test
  void cohortsCountWhoBoughtInEachMonthSinceTheFirstOrder() {
    // first orders (features): c1 2025-01, c3 c4 c5 2025-06, c2 2026-11; D in 2026-11: 23 + 18 + 1
    // months
    List<Row> cohorts = rows(Reports.COHORTS, D);
    assertThat(cohorts).hasSize(42);
    Predicate<Row> june = is("cohort_month", Date.valueOf("2025-06-01"));
    Row c3 = one(cohorts, june.and(is("months_since", 17))); // c3's order of 2026-11-15
    assertThat(c3.<Long>getAs("cohort_customers")).isEqualTo(3);
    assertThat(c3.<Long>getAs("active_customers")).isEqualTo(1);
    assertThat(c3.<Double>getAs("active_share")).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(d(c3, "revenue")).isEqualTo(10.0);
    assertThat(d(one(cohorts, june.and(is("months_since", 7))), "revenue"))
        .isEqualTo(15.0); // c4 in 2026-01
    Row c2 = one(cohorts, is("cohort_month", Date.valueOf("2026-11-01")));
    assertThat(c2.<Long>getAs("active_customers")).isEqualTo(1);
    assertThat(d(c2, "revenue")).isEqualTo(30.0); // 35 less the return of 5
    Row c1 =
        one(cohorts, is("cohort_month", Date.valueOf("2025-01-01")).and(is("months_since", 22)));
    assertThat(d(c1, "revenue")).isEqualTo(40.0); // the order of D + 1 does not count
    Row quiet =
        one(cohorts, is("cohort_month", Date.valueOf("2025-01-01")).and(is("months_since", 0)));
    assertThat(quiet.<Long>getAs("active_customers")).isZero();
    assertThat(quiet.<Double>getAs("active_share")).isZero();
  }

  @Test
  void modelIsModelRunsOneNumberPerRowWithoutNaN() {
    List<Row> m = rows(Reports.MODEL, D);
    assertThat(d(one(m, is("kind", "param").and(is("name", "r"))), "value")).isEqualTo(0.25);
    assertThat(d(one(m, is("kind", "fit").and(is("name", "converged"))), "value")).isEqualTo(1.0);
    assertThat(d(one(m, is("kind", "metric").and(is("name", "holdout.actual_total"))), "value"))
        .isEqualTo(10.0);
    assertThat(m).noneMatch(is("name", "broken"));
  }

  @Test
  void thePageIsWrittenAndTheSecondReportKnowsTheFirst() throws Exception {
    Path page = dir.resolve("reports").resolve(D.toString()).resolve(ReportStage.PAGE);
    assertThat(Files.readString(page)).contains("<html");
    assertThat(first.data().previousKpis()).isEmpty();
    assertThat(second.data().previousDate()).contains(P);
    assertThat(second.data().previousKpis().orElseThrow().<Long>getAs("customers_known"))
        .isEqualTo(4);
  }

  @Test
  void actionsCountAndValueTheCustomersOfEachConfiguredGroup() {
    List<Row> actions = rows(ReportActions.CONTRACT, D);
    assertThat(actions).hasSize(2);
    Row atRisk =
        actions.stream().filter(r -> r.getAs("action").equals("at_risk")).findFirst().orElseThrow();
    // c3, c4 and c5 are at high risk: CLV 20 + 5 + 5, at risk 0.7·20 + 0.9·5 + 0.8·5
    assertThat(atRisk.<Integer>getAs(ReportActions.ACTION_ORDER)).isEqualTo(1);
    assertThat(atRisk.<Long>getAs(ReportActions.CUSTOMERS)).isEqualTo(3L);
    assertThat(atRisk.<Double>getAs(ReportActions.CUSTOMER_SHARE)).isCloseTo(0.6, within(1e-12));
    assertThat(atRisk.<Double>getAs(ReportActions.CLV_TOTAL)).isCloseTo(30, within(1e-9));
    assertThat(atRisk.<Double>getAs(ReportActions.CLV_AT_RISK)).isCloseTo(22.5, within(1e-9));
    assertThat(atRisk.<BigDecimal>getAs(ReportActions.REVENUE)).isEqualByComparingTo("10.00");
    assertThat(atRisk.<String>getAs(ReportActions.NOTEBOOK)).isEqualTo("campaign_target_list.sql");
    assertThat(atRisk.<String>getAs(ReportActions.TARGET_LIST_QUERY))
        .contains("WHERE as_of_date = as_of AND (risk_band = 'high')");
    Row big =
        actions.stream().filter(r -> r.getAs("action").equals("big")).findFirst().orElseThrow();
    // of the vip and major customers c1 and c2, only c2 (two orders, the first ten days before D)
    // passes the conditions on customer_features' lifetime_orders and tenure_days
    assertThat(big.<Long>getAs(ReportActions.CUSTOMERS)).isEqualTo(1L);
    assertThat(big.<Double>getAs(ReportActions.CLV_TOTAL)).isCloseTo(50, within(1e-9));
    assertThat(big.<BigDecimal>getAs(ReportActions.REVENUE)).isEqualByComparingTo("30.00");
    assertThat(big.<String>getAs(ReportActions.NOTEBOOK)).isNull();
    // the list the command writes is the group the report counted
    Warehouse wh = context(D).warehouse();
    wh.read(CustomerSegments.CONTRACT).createOrReplaceTempView("customer_segments");
    wh.read(CustomerValue.CONTRACT).createOrReplaceTempView("customer_value");
    wh.read(CustomerFeatures.CONTRACT).createOrReplaceTempView("customer_features");
    wh.spark().sql("DECLARE OR REPLACE VARIABLE as_of DATE DEFAULT DATE'" + D + "'");
    assertThat(
            wh
                .spark()
                .sql(atRisk.<String>getAs(ReportActions.TARGET_LIST_QUERY))
                .collectAsList()
                .stream()
                .map(r -> r.getString(0)))
        .containsExactly("c3", "c4", "c5");
    assertThat(wh.spark().sql(big.<String>getAs(ReportActions.TARGET_LIST_QUERY)).collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("c2");
    assertThat(second.data().rows(ReportActions.CONTRACT)).hasSize(2);
  }

  @Test
  void anActionConditionSparkCannotReadStopsWithExit2NamingIt() {
    Map<String, String> settings = new java.util.HashMap<>(SETTINGS);
    settings.put("paths.reports", dir.resolve("reports").toString());
    settings.put(
        "report.actions",
        "[{ name = typo, condition = \"risk_bnd = 'high'\", action { en = a, zh-CN = b } }]");
    RunContext ctx =
        TestSpark.context(D, dir.resolve("landing"), dir.resolve("warehouse"), settings);
    assertThatThrownBy(() -> TestSpark.run(ReportStage::from, ctx))
        .isInstanceOfSatisfying(
            CrmException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage())
                  .contains("report.actions[0].condition = 'risk_bnd = 'high''", "risk_bnd");
            });
  }

  @Test
  void aRerunReplacesTheDateAndAMissingValueTableStops() {
    TestSpark.run(ReportStage::from, context(D));
    assertThat(rows(Reports.CONCENTRATION, D)).hasSize(100);
    assertThat(rows(Reports.KPIS, D)).hasSize(1);
    assertThat(rows(Reports.PYRAMID, P)).hasSize(4);
    assertThatThrownBy(() -> TestSpark.run(ReportStage::from, context(D.plusDays(1))))
        .isInstanceOfSatisfying(
            CrmException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.MISSING_INPUT);
              assertThat(e.getMessage()).contains("customer_features for 2026-11-21");
            });
  }
}
