package com.crmanalytics.testing;

import com.crmanalytics.config.ReportSettings;
import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.ProductAffinity;
import com.crmanalytics.contract.ReportCampaigns;
import com.crmanalytics.contract.Reports;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.report.ReportData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * A hand-made {@link ReportData} for 2026-11-23: 2,000 customers in the default pyramid, every
 * named segment, five campaigns (one losing money), service per tier, sales by category, channel
 * and region, a BG/NBD fit with a holdout check and a churn classifier. {@link #secondRun()} also
 * has the previous report (2026-11-22) and the migrations since; {@link #firstRun()} has neither.
 * Rows carry the contract's schema, as collected from Spark, so Spark-side tests can reuse them
 * too.
 */
public final class ReportFixture {
  public static final LocalDate DATE = LocalDate.parse("2026-11-23");
  public static final LocalDate PREVIOUS = LocalDate.parse("2026-11-22");

  private String language = "en";
  private String currency = "USD";
  private ReportData.MarginBasis margins = ReportData.MarginBasis.ALL_COSTED;
  private final Map<TableContract, List<Row>> tables = new LinkedHashMap<>();
  private Row previousKpis;

  private ReportFixture() {}

  /** Today's tables, the previous report's headline row and today's migrations. */
  public static ReportFixture secondRun() {
    ReportFixture f = firstRun();
    f.previousKpis =
        kpis(
            PREVIOUS,
            1985,
            1232,
            80,
            5190,
            "805012.40",
            "241870.00",
            1_498_000.0,
            1_370_500.0,
            415.0,
            0.2091,
            322,
            204_000.0,
            0.70);
    f.tables.put(Reports.MIGRATION, migration());
    return f;
  }

  /** Today's tables only: no earlier report, no migration. */
  public static ReportFixture firstRun() {
    ReportFixture f = new ReportFixture();
    f.tables.put(
        Reports.KPIS,
        List.of(
            kpis(
                DATE,
                2000,
                1240,
                85,
                5230,
                "812345.67",
                "243210.50",
                1_523_400.0,
                1_387_000.0,
                412.6,
                0.2063,
                318,
                201_350.0,
                0.71)));
    f.tables.put(Reports.PYRAMID, pyramid());
    f.tables.put(Reports.CONCENTRATION, concentration());
    f.tables.put(Reports.SEGMENTS, segments());
    f.tables.put(Reports.MIGRATION, List.of());
    f.tables.put(Reports.CAMPAIGNS, campaigns());
    f.tables.put(Reports.SERVICE, service());
    f.tables.put(Reports.SALES, sales());
    f.tables.put(Reports.MODEL, model());
    f.tables.put(ProductAffinity.CONTRACT, products());
    f.tables.put(Reports.COHORTS, cohorts());
    return f;
  }

  public ReportFixture language(String language) {
    this.language = language;
    return this;
  }

  public ReportFixture currency(String currency) {
    this.currency = currency;
    return this;
  }

  /** The share of sales with a known cost and clv.margin-rate (default: every line has a cost). */
  public ReportFixture margins(double costedShare, double marginRate) {
    this.margins = new ReportData.MarginBasis(costedShare, marginRate);
    return this;
  }

  /** Replaces a table's rows. */
  public ReportFixture rows(TableContract table, List<Row> rows) {
    tables.put(table, List.copyOf(rows));
    return this;
  }

  /** Adds one row to a table, from alternating column names and values. */
  public ReportFixture addRow(TableContract table, Object... namesAndValues) {
    List<Row> rows = new ArrayList<>(tables.getOrDefault(table, List.of()));
    rows.add(row(table, namesAndValues));
    tables.put(table, rows);
    return this;
  }

  public List<Row> rows(TableContract table) {
    return tables.getOrDefault(table, List.of());
  }

  public ReportData build() {
    return new ReportData(
        DATE,
        currency,
        new ReportSettings(language, 30, 30),
        365,
        Map.copyOf(tables),
        Optional.ofNullable(previousKpis).map(r -> PREVIOUS),
        Optional.ofNullable(previousKpis),
        Set.of(),
        List.of(),
        margins);
  }

  /**
   * A row in the table's schema from alternating column names and values; {@code as_of_date} is
   * {@link #DATE} unless given. Values: dates as "2026-11-23" or LocalDate, money as "12.50" or any
   * number, counts and shares as any number; unnamed columns are null.
   */
  public static Row row(TableContract table, Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    values.put(Reports.AS_OF_DATE, DATE);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      table.field(name);
      values.put(name, namesAndValues[i + 1]);
    }
    Object[] cells = new Object[table.fields().size()];
    for (int i = 0; i < cells.length; i++) {
      Field f = table.fields().get(i);
      cells[i] = convert(f, values.get(f.name()));
    }
    return new GenericRowWithSchema(cells, table.schema());
  }

  private static Object convert(Field f, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> list) {
      return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }
    String type = f.type().typeName();
    if (type.startsWith("decimal")) {
      return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP);
    }
    return switch (type) {
      case "date" -> Date.valueOf(v instanceof LocalDate d ? d : LocalDate.parse(v.toString()));
      case "long" -> ((Number) v).longValue();
      case "integer" -> ((Number) v).intValue();
      case "double" -> ((Number) v).doubleValue();
      default -> v.toString();
    };
  }

  private static Row kpis(
      LocalDate date,
      long known,
      long active,
      long fresh,
      long orders,
      String revenue,
      String margin,
      double equity,
      double baseline,
      double churners,
      double churnRate,
      long highRisk,
      double atRisk,
      double pAlive) {
    return row(
        Reports.KPIS,
        Reports.AS_OF_DATE,
        date,
        "currency",
        "USD",
        "customers_known",
        known,
        "customers_active",
        active,
        "customers_new",
        fresh,
        "orders",
        orders,
        "revenue",
        revenue,
        "margin",
        margin,
        "customer_equity",
        equity,
        "customer_equity_baseline",
        baseline,
        "mean_clv",
        equity / known,
        "expected_churners",
        churners,
        "churn_rate",
        churnRate,
        "high_risk_customers",
        highRisk,
        "clv_at_risk",
        atRisk,
        "mean_p_alive",
        pAlive,
        "top_20_share",
        topShare(0.20),
        "gini",
        GINI,
        "expected_quiet",
        churners * 2.1,
        "quiet_share",
        churnRate * 2.1,
        "churn_horizon_days",
        90,
        "value_if_all_active",
        equity + atRisk,
        "customer_equity_low",
        equity * 0.88,
        "customer_equity_high",
        equity * 1.13);
  }

  /** The fixture's Lorenz curve: the top p of customers hold p^0.3 of revenue (Gini 2/1.3 − 1). */
  private static final double SKEW = 0.3;

  private static final double GINI = 2 / (1 + SKEW) - 1;

  private static double topShare(double p) {
    return Math.pow(p, SKEW);
  }

  private static List<Row> pyramid() {
    String[] tiers = {"vip", "major", "ordinary", "small"};
    long[] customers = {20, 80, 300, 1600};
    double[] upTo = {0.01, 0.05, 0.20, 1.0};
    double[] clvMean = {9800, 3100, 1150, 420};
    double[] churn = {0.06, 0.11, 0.17, 0.23};
    double revenueAll = 812345.67;
    List<Row> rows = new ArrayList<>();
    double above = 0;
    for (int i = 0; i < tiers.length; i++) {
      double share = topShare(upTo[i]) - above;
      above += share;
      rows.add(
          row(
              Reports.PYRAMID,
              "tier",
              tiers[i],
              "tier_order",
              i + 1,
              "customers",
              customers[i],
              "customer_share",
              customers[i] / 2000.0,
              "revenue",
              revenueAll * share,
              "revenue_share",
              share,
              "cumulative_revenue_share",
              above,
              "margin",
              revenueAll * share * 0.3,
              "clv_total",
              clvMean[i] * customers[i],
              "clv_mean",
              clvMean[i],
              "churn_probability_mean",
              churn[i]));
    }
    return rows;
  }

  private static List<Row> concentration() {
    List<Row> rows = new ArrayList<>();
    for (int p = 1; p <= 100; p++) {
      double x = p / 100.0;
      rows.add(
          row(
              Reports.CONCENTRATION,
              "percentile",
              p,
              "top_customers",
              (long) Math.ceil(x * 2000),
              "top_share",
              topShare(x),
              "lorenz_share",
              1 - topShare(1 - x),
              "gini",
              GINI));
    }
    return rows;
  }

  /** Customers per segment today (2,000 in all). */
  static final Map<String, Long> SEGMENT_CUSTOMERS = new LinkedHashMap<>();

  static {
    String[] names = {
      "champions",
      "loyal",
      "potential_loyalist",
      "new_customer",
      "promising",
      "need_attention",
      "about_to_sleep",
      "at_risk",
      "cannot_lose",
      "hibernating",
      "lost"
    };
    long[] counts = {210, 260, 230, 70, 90, 150, 170, 240, 40, 310, 230};
    for (int i = 0; i < names.length; i++) {
      SEGMENT_CUSTOMERS.put(names[i], counts[i]);
    }
  }

  private static List<Row> segments() {
    double[] clvMean = {2600, 1500, 900, 520, 410, 640, 300, 820, 1900, 180, 60};
    double[] churn = {0.05, 0.09, 0.14, 0.35, 0.28, 0.22, 0.41, 0.47, 0.38, 0.62, 0.81};
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, Long> e : SEGMENT_CUSTOMERS.entrySet()) {
      long n = e.getValue();
      long high = Math.round(n * Math.max(0, churn[i] - 0.3));
      long medium = Math.round(n * Math.min(0.3, churn[i]));
      long low = n - high - medium;
      rows.add(
          row(
              Reports.SEGMENTS,
              "level",
              "segment",
              "segment",
              e.getKey(),
              "customers",
              n,
              "customer_share",
              n / 2000.0,
              "revenue",
              clvMean[i] * n * 0.55,
              "clv_total",
              clvMean[i] * n,
              "clv_mean",
              clvMean[i],
              "clv_at_risk",
              clvMean[i] * n * churn[i],
              "churn_probability_mean",
              churn[i],
              "p_alive_mean",
              1 - churn[i] * 0.8,
              "risk_low",
              low,
              "risk_medium",
              medium,
              "risk_high",
              high));
      i++;
    }
    rows.add(
        row(
            Reports.SEGMENTS,
            "level",
            "tier",
            "tier",
            "vip",
            "customers",
            20L,
            "customer_share",
            0.01,
            "revenue",
            "203086.42",
            "clv_total",
            196000.0,
            "clv_mean",
            9800.0,
            "clv_at_risk",
            11760.0,
            "churn_probability_mean",
            0.06,
            "p_alive_mean",
            0.95,
            "risk_low",
            19L,
            "risk_medium",
            1L,
            "risk_high",
            0L));
    rows.add(
        row(
            Reports.SEGMENTS,
            "level",
            "segment_tier",
            "segment",
            "champions",
            "tier",
            "vip",
            "customers",
            14L,
            "customer_share",
            0.007,
            "revenue",
            "150000.00",
            "clv_total",
            140000.0,
            "clv_mean",
            10000.0,
            "clv_at_risk",
            7000.0,
            "churn_probability_mean",
            0.05,
            "p_alive_mean",
            0.97,
            "risk_low",
            14L,
            "risk_medium",
            0L,
            "risk_high",
            0L));
    return rows;
  }

  /**
   * Moves since 2026-11-22; the customers who stayed fill the diagonal so that each segment's and
   * tier's total today matches report_segments and report_pyramid (15 customers are new).
   */
  /**
   * Twelve monthly cohorts of 80 to 135 customers, a third buying again in month 1, fading after.
   */
  private static List<Row> cohorts() {
    List<Row> rows = new ArrayList<>();
    LocalDate last = DATE.withDayOfMonth(1);
    for (int i = 0; i < 12; i++) {
      LocalDate month = last.minusMonths(11 - i);
      long customers = 80 + 5L * i;
      for (int k = 0; k <= 11 - i; k++) {
        long active = k == 0 ? customers : Math.round(customers * 0.35 * Math.pow(0.8, k - 1));
        rows.add(
            row(
                Reports.COHORTS,
                "cohort_month",
                month,
                "months_since",
                k,
                "cohort_customers",
                customers,
                "active_customers",
                active,
                "active_share",
                active / (double) customers,
                "revenue",
                active * 42.5));
      }
    }
    return rows;
  }

  /** The strongest pairs of product_affinity, rule_rank order. */
  private static List<Row> products() {
    String[][] pairs = {
      {"P0007", "P0012"},
      {"P0012", "P0007"},
      {"P0003", "P0150"},
      {"P0150", "P0003"},
      {"P0001", "P0002"}
    };
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pairs.length; i++) {
      long both = 120 - 20L * i;
      long antecedent = 300 + 40L * i;
      rows.add(
          row(
              ProductAffinity.CONTRACT,
              ProductAffinity.RULE_RANK,
              i + 1,
              ProductAffinity.ANTECEDENT,
              List.of(pairs[i][0]),
              ProductAffinity.CONSEQUENT,
              pairs[i][1],
              ProductAffinity.ANTECEDENT_SIZE,
              1,
              ProductAffinity.ORDERS,
              both,
              ProductAffinity.ANTECEDENT_ORDERS,
              antecedent,
              ProductAffinity.SUPPORT,
              both / 5230.0,
              ProductAffinity.CONFIDENCE,
              both / (double) antecedent,
              ProductAffinity.LIFT,
              6.5 - i,
              ProductAffinity.BASKETS,
              5230L));
    }
    return rows;
  }

  private static List<Row> migration() {
    Object[][] segmentMoves = {
      {null, "new_customer", 15},
      {"potential_loyalist", "champions", 14},
      {"loyal", "champions", 4},
      {"champions", "loyal", 6},
      {"new_customer", "promising", 12},
      {"promising", "about_to_sleep", 7},
      {"need_attention", "at_risk", 5},
      {"at_risk", "hibernating", 8},
      {"hibernating", "lost", 11},
      {"about_to_sleep", "hibernating", 6},
      {"promising", "potential_loyalist", 3},
      {"new_customer", "potential_loyalist", 4},
    };
    List<Row> rows = new ArrayList<>();
    Map<String, Long> stayed = new LinkedHashMap<>(SEGMENT_CUSTOMERS);
    for (Object[] m : segmentMoves) {
      stayed.merge((String) m[1], -((Integer) m[2]).longValue(), Long::sum);
      rows.add(move("segment", (String) m[0], (String) m[1], (Integer) m[2]));
    }
    stayed.forEach((segment, n) -> rows.add(move("segment", segment, segment, n)));
    Object[][] tierMoves = {
      {"vip", "vip", 18},
      {"major", "vip", 2},
      {"vip", "major", 1},
      {"major", "major", 74},
      {"ordinary", "major", 5},
      {"major", "ordinary", 3},
      {"ordinary", "ordinary", 285},
      {"small", "ordinary", 12},
      {"ordinary", "small", 9},
      {"small", "small", 1576},
      {null, "small", 15},
    };
    for (Object[] m : tierMoves) {
      rows.add(move("tier", (String) m[0], (String) m[1], (Integer) m[2]));
    }
    return rows;
  }

  private static Row move(String dimension, String from, String to, long customers) {
    return row(
        Reports.MIGRATION,
        "previous_as_of_date",
        PREVIOUS,
        "dimension",
        dimension,
        "from_value",
        from,
        "to_value",
        to,
        "customers",
        customers,
        "revenue",
        customers * 310.25);
  }

  private static List<Row> campaigns() {
    Object[][] c = {
      // id, name, touches, conversions, cost, attributed revenue
      {"K-WELCOME", "Welcome series (email)", 850, 120, "420.00", "1764.00"},
      {"K-REMINDER-45D", "We miss you, 45 days (email)", 640, 38, "640.00", "1792.00"},
      {"K-2026-10-A", "October: Flash sale (sms)", 1200, 96, "1200.00", "2280.00"},
      {"K-2026-11-A", "November: Loyalty reward (app)", 420, 51, "840.00", "1176.00"},
      {"K-2026-09-B", "September: Clearance (mail)", 900, 9, "1350.00", "877.50"},
    };
    List<Row> rows = new ArrayList<>();
    for (Object[] k : c) {
      long touches = (Integer) k[2];
      long conversions = (Integer) k[3];
      double cost = Double.parseDouble((String) k[4]);
      double revenue = Double.parseDouble((String) k[5]);
      rows.add(
          row(
              Reports.CAMPAIGNS,
              incremental(
                  (String) k[0],
                  cost,
                  "level",
                  "campaign",
                  "campaign_id",
                  k[0],
                  "campaign_name",
                  k[1],
                  "touches",
                  touches,
                  "customers",
                  touches,
                  "opens",
                  touches / 2,
                  "clicks",
                  touches / 6,
                  "conversions",
                  conversions,
                  "open_rate",
                  0.5,
                  "click_rate",
                  1 / 6.0,
                  "conversion_rate",
                  (double) conversions / touches,
                  "cost",
                  k[4],
                  "cost_per_response",
                  cost / conversions,
                  "attributed_revenue",
                  k[5],
                  "roi",
                  (revenue - cost) / cost)));
    }
    rows.add(
        row(
            Reports.CAMPAIGNS,
            "level",
            "campaign_segment",
            "campaign_id",
            "K-WELCOME",
            "campaign_name",
            "Welcome series (email)",
            "segment",
            "new_customer",
            "touches",
            60L,
            "customers",
            60L,
            "opens",
            30L,
            "clicks",
            10L,
            "conversions",
            15L,
            "open_rate",
            0.5,
            "click_rate",
            1 / 6.0,
            "conversion_rate",
            0.25,
            "cost",
            "6.00",
            "cost_per_response",
            0.4,
            "attributed_revenue",
            "1650.00",
            "roi",
            274.0));
    return rows;
  }

  /**
   * The incremental columns of three fixture campaigns: K-2026-10-A measured against its holdout
   * (clearly positive), K-WELCOME matched (indistinguishable from zero), K-2026-09-B matched
   * (clearly negative); the others have no comparison group.
   */
  private static Object[] incremental(String id, double cost, Object... namesAndValues) {
    double[] v =
        switch (id) {
          // incremental revenue, its 90% interval
          case "K-2026-10-A" -> new double[] {3000, 1800, 4200};
          case "K-WELCOME" -> new double[] {300, -500, 1100};
          case "K-2026-09-B" -> new double[] {-400, -700, -100};
          default -> null;
        };
    if (v == null) {
      return namesAndValues;
    }
    List<Object> all = new ArrayList<>(List.of(namesAndValues));
    all.addAll(
        List.of(
            ReportCampaigns.COMPARISON,
            id.equals("K-2026-10-A") ? ReportCampaigns.BY_HOLDOUT : ReportCampaigns.BY_MATCHING,
            ReportCampaigns.TREATED_CUSTOMERS,
            400L,
            ReportCampaigns.COMPARISON_CUSTOMERS,
            100L,
            ReportCampaigns.INCREMENTAL_REVENUE,
            v[0],
            ReportCampaigns.INCREMENTAL_REVENUE_LOW,
            v[1],
            ReportCampaigns.INCREMENTAL_REVENUE_HIGH,
            v[2],
            ReportCampaigns.INCREMENTAL_ROI,
            (v[0] - cost) / cost,
            ReportCampaigns.INCREMENTAL_ROI_LOW,
            (v[1] - cost) / cost,
            ReportCampaigns.INCREMENTAL_ROI_HIGH,
            (v[2] - cost) / cost));
    return all.toArray();
  }

  private static List<Row> service() {
    Object[][] tiers = {
      // tier, contacts, customers, per customer, wait s, abandonment, FCR, satisfaction,
      // complaints, cost
      {"vip", 64, 18, 3.2, 95.0, 0.02, 0.86, 4.6, 0.05, "3200.00"},
      {"major", 190, 66, 2.4, 170.0, 0.04, 0.79, 4.2, 0.07, "9100.00"},
      {"ordinary", 520, 240, 1.7, 260.0, 0.07, 0.71, 3.9, 0.08, "24000.00"},
      {"small", 1900, 1100, 1.2, 410.0, 0.12, 0.63, 3.5, 0.11, "79000.00"},
      {null, 45, 40, 1.1, 380.0, 0.10, 0.66, null, 0.04, "1500.00"},
    };
    List<Row> rows = new ArrayList<>();
    for (Object[] t : tiers) {
      rows.add(
          row(
              Reports.SERVICE,
              "level",
              "tier",
              "tier",
              t[0],
              "contacts",
              ((Integer) t[1]).longValue(),
              "customers",
              ((Integer) t[2]).longValue(),
              "contacts_per_customer",
              t[3],
              "mean_wait_seconds",
              t[4],
              "abandonment_rate",
              t[5],
              "first_contact_resolution",
              t[6],
              "mean_satisfaction",
              t[7],
              "complaint_rate",
              t[8],
              "cost_to_serve",
              t[9]));
    }
    rows.add(
        row(
            Reports.SERVICE,
            "level",
            "channel",
            "channel",
            "phone",
            "contacts",
            1200L,
            "customers",
            800L,
            "contacts_per_customer",
            1.5,
            "mean_wait_seconds",
            300.0,
            "abandonment_rate",
            0.09,
            "first_contact_resolution",
            0.7,
            "mean_satisfaction",
            3.8,
            "complaint_rate",
            0.09,
            "cost_to_serve",
            "60000.00"));
    return rows;
  }

  private static List<Row> sales() {
    List<Row> rows = new ArrayList<>();
    String[] categories = {
      "electronics",
      "home",
      "books",
      "music",
      "games",
      "garden",
      "toys",
      "sports",
      "beauty",
      "grocery"
    };
    double[] categoryShares = {0.24, 0.16, 0.12, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05, 0.03};
    addSales(rows, "category", categories, categoryShares);
    addSales(
        rows,
        "channel",
        new String[] {"web", "store", "phone", "app"},
        new double[] {0.55, 0.3, 0.1, 0.05});
    addSales(
        rows,
        "region",
        new String[] {"north", "south", "east", "west", "central", null},
        new double[] {0.34, 0.25, 0.2, 0.15, 0.05, 0.01});
    return rows;
  }

  private static void addSales(List<Row> rows, String dimension, String[] values, double[] shares) {
    double revenue = 812345.67;
    for (int i = 0; i < values.length; i++) {
      rows.add(
          row(
              Reports.SALES,
              "dimension",
              dimension,
              "value",
              values[i],
              "revenue",
              revenue * shares[i],
              "revenue_share",
              shares[i],
              "margin",
              revenue * shares[i] * 0.3,
              "orders",
              Math.round(5230 * shares[i]),
              "customers",
              Math.round(1240 * shares[i] * 1.4),
              "lines",
              Math.round(6100 * shares[i]),
              "returned_amount",
              revenue * shares[i] * 0.02));
    }
  }

  private static List<Row> model() {
    Object[][] numbers = {
      {"bg-nbd", "param", "r", 0.2511},
      {"bg-nbd", "param", "alpha", 4.8738},
      {"bg-nbd", "param", "a", 0.7929},
      {"bg-nbd", "param", "b", 2.4259},
      {"bg-nbd", "param", "time_unit_days", 7.0},
      {"bg-nbd", "param", "se.r", 0.0125},
      {"bg-nbd", "metric", "choice.chosen", 1.0},
      {"bg-nbd", "metric", "choice.by_holdout", 1.0},
      {"bg-nbd", "metric", "choice.aic", 19172.86},
      {"bg-nbd", "metric", "choice.holdout_mean_absolute_error", 0.6012},
      {"bg-nbd", "metric", "choice.holdout_total_error", -0.046},
      {"mbg-nbd", "param", "r", 0.5248},
      {"mbg-nbd", "fit", "log_likelihood", -9582.13},
      {"mbg-nbd", "metric", "choice.chosen", 0.0},
      {"mbg-nbd", "metric", "choice.aic", 19172.26},
      {"mbg-nbd", "metric", "choice.holdout_mean_absolute_error", 0.6031},
      {"mbg-nbd", "metric", "choice.holdout_total_error", -0.051},
      {"mbg-nbd", "metric", "has_left.model", 1.0},
      {"bg-nbd", "param", "horizon_months", 12.0},
      {"bg-nbd", "param", "annual_discount_rate", 0.1},
      {"bg-nbd", "fit", "log_likelihood", -9582.43},
      {"bg-nbd", "fit", "n_customers", 1985.0},
      {"bg-nbd", "fit", "iterations", 412.0},
      {"bg-nbd", "fit", "converged", 1.0},
      {"bg-nbd", "metric", "holdout.available", 1.0},
      {"bg-nbd", "metric", "holdout.actual_total", 1882.0},
      {"bg-nbd", "metric", "holdout.predicted_total", 1795.3},
      {"bg-nbd", "metric", "holdout.correlation", 0.626},
      {"bg-nbd", "metric", "holdout.customers", 1985.0},
      {"bg-nbd", "metric", "sum_clv", 1_523_400.0},
      {"gamma-gamma", "param", "p", 6.2496},
      {"gamma-gamma", "param", "q", 3.7442},
      {"gamma-gamma", "param", "gamma", 15.4435},
      {"gamma-gamma", "metric", "population_mean_spend", 35.20},
      {"churn", "param", "horizon_days", 90.0},
      {"churn", "metric", "churn.classifier_used", 1.0},
      {"churn", "metric", "churn.classifier_trained", 1.0},
      {"churn", "metric", "churn.classifier.roc_auc", 0.807},
      {"churn", "metric", "churn.model.roc_auc", 0.781},
      {"churn", "metric", "churn.classifier.pr_auc", 0.61},
      {"churn", "metric", "churn.validation.customers", 600.0},
      {"churn", "metric", "churn.classifier.mean_predicted", 0.46},
      {"churn", "metric", "churn.classifier.realised_share", 0.44},
      {"rfm", "threshold", "recency.1", 30.0},
    };
    List<Row> rows = new ArrayList<>();
    for (Object[] n : numbers) {
      rows.add(row(Reports.MODEL, "model", n[0], "kind", n[1], "name", n[2], "value", n[3]));
    }
    return rows;
  }
}
