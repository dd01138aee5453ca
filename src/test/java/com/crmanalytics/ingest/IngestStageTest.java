package com.crmanalytics.ingest;

import static com.crmanalytics.ingest.IngestFixtures.D;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.contract.CampaignTouches;
import com.crmanalytics.contract.Customers;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.ServiceContacts;
import com.crmanalytics.contract.Source;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Landing;
import com.crmanalytics.testing.TestSpark;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest {
  private static final Map<String, String> LENIENT = Map.of("quality.max-reject-ratio", "1");

  @TempDir Path tmp;
  private Landing landing;
  private Path warehouse;

  @BeforeEach
  void setUp() {
    landing = new Landing(tmp.resolve("landing"));
    warehouse = tmp.resolve("warehouse");
  }

  /** The fixture's service desk exports JSON Lines. */
  private RunContext context(LocalDate date, Map<String, String> overrides) {
    Map<String, String> all = new java.util.HashMap<>(overrides);
    all.put("extracts.service.format", "jsonl");
    return TestSpark.context(date, landing.root(), warehouse, all);
  }

  private Dataset<Row> table(RunContext ctx, TableContract t) {
    return ctx.warehouse().read(t);
  }

  @Test
  void everyRowEndsInSilverQuarantineOrTheDuplicateCount() {
    IngestFixtures.writeAll(landing);
    RunContext ctx = context(D, LENIENT);

    List<SourceResult> results = TestSpark.run(IngestStage::from, ctx).sources();

    SourceResult orders = results.get(0);
    assertThat(orders.source()).isEqualTo(Source.ORDERS);
    assertThat(List.of(orders.read(), orders.accepted(), orders.quarantined(), orders.duplicate()))
        .containsExactly(13L, 4L, 8L, 1L);
    assertThat(quarantine(ctx, "orders"))
        .containsExactly(
            "3 missing_required customer_id: required value is missing",
            "4 unparseable_number quantity: 'x' is not a number (int)",
            "5 unparseable_date order_ts: '2024-13-01' is not an ISO 8601 date or timestamp",
            "6 date_after_business_date order_ts: 2024-05-09 00:00:00 is after the business date 2024-05-02",
            "7 negative_price unit_price: -5.00 is below zero",
            "8 malformed_line malformed line: expected 14 fields (order_id, line_no, customer_id, order_ts, product_id, category, quantity, unit_price, amount, cost, currency, channel, region, status), found 4",
            "9 conflicting_duplicate_key key (order_id, line_no) = (O8, 1) has different values on lines 2024-05-02/orders/orders.csv:10, 2024-05-02/orders/orders.csv:9",
            "10 conflicting_duplicate_key key (order_id, line_no) = (O8, 1) has different values on lines 2024-05-02/orders/orders.csv:10, 2024-05-02/orders/orders.csv:9");
    assertThat(quarantine(ctx, "service"))
        .containsExactly(
            "2 invalid_value satisfaction: 9 is outside 1..5",
            "3 invalid_value abandoned: 'maybe' is not true or false",
            "4 malformed_line malformed line: invalid JSON (Unexpected end-of-input within/between Object entries)");

    Dataset<Row> silver = table(ctx, Orders.CONTRACT);
    assertThat(
            silver
                .orderBy(Orders.ORDER_ID)
                .select(Orders.ORDER_ID)
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("O1", "O10", "O11", "O9");
    Row ret = silver.filter(col(Orders.ORDER_ID).equalTo("O10")).first();
    assertThat(ret.<BigDecimal>getAs(Orders.AMOUNT)).isEqualByComparingTo("-15.00");
    assertThat(ret.<BigDecimal>getAs(Orders.COST)).isEqualByComparingTo("-9.00");
    assertThat(
            silver
                .filter(col(Orders.ORDER_ID).equalTo("O11"))
                .first()
                .<Integer>getAs(Orders.LINE_NO))
        .isEqualTo(1);
    Row o1 = silver.filter(col(Orders.ORDER_ID).equalTo("O1")).first();
    assertThat(o1.getAs("source_file").toString()).isEqualTo("2024-05-02/orders/orders.csv");
    assertThat(o1.getAs("run_id").toString()).isEqualTo(ctx.runId());
    assertThat(o1.getAs("business_date").toString()).isEqualTo("2024-05-02");

    Row s1 = table(ctx, ServiceContacts.CONTRACT).first();
    assertThat(s1.<Boolean>getAs(ServiceContacts.ABANDONED)).isFalse();
    assertThat(s1.<Integer>getAs(ServiceContacts.WAIT_SECONDS)).isEqualTo(30);
    assertThat(table(ctx, CampaignTouches.CONTRACT).count()).isEqualTo(2);

    // the run log reconciles for every source; the absent optional source is skipped
    List<Row> log = table(ctx, PipelineRuns.CONTRACT).orderBy(PipelineRuns.STAGE).collectAsList();
    assertThat(log)
        .extracting(r -> r.getAs(PipelineRuns.STAGE) + " " + r.getAs(PipelineRuns.STATUS))
        .containsExactly(
            "ingest:campaigns succeeded",
            "ingest:customers skipped",
            "ingest:orders succeeded",
            "ingest:service succeeded");
    for (Row r : log) {
      long read = r.<Long>getAs(PipelineRuns.ROWS_READ);
      assertThat(read)
          .isEqualTo(
              r.<Long>getAs(PipelineRuns.ROWS_ACCEPTED)
                  + r.<Long>getAs(PipelineRuns.ROWS_QUARANTINED)
                  + r.<Long>getAs(PipelineRuns.ROWS_DUPLICATE));
    }
  }

  @Test
  void rerunningADateLeavesSilverAndQuarantineAsOneRunDoes() {
    IngestFixtures.writeAll(landing);
    RunContext first = context(D, LENIENT);
    TestSpark.run(IngestStage::from, first);
    List<Row> orders = sorted(table(first, Orders.CONTRACT));
    List<Row> service = sorted(table(first, ServiceContacts.CONTRACT));
    List<Row> quarantine = sorted(table(first, Quarantine.CONTRACT).drop(Quarantine.RUN_ID));

    RunContext second = context(D, LENIENT);
    List<SourceResult> again = TestSpark.run(IngestStage::from, second).sources();

    assertThat(sorted(table(second, Orders.CONTRACT))).isEqualTo(orders);
    assertThat(sorted(table(second, ServiceContacts.CONTRACT))).isEqualTo(service);
    assertThat(sorted(table(second, Quarantine.CONTRACT).drop(Quarantine.RUN_ID)))
        .isEqualTo(quarantine);
    assertThat(
            table(second, Quarantine.CONTRACT)
                .select(Quarantine.RUN_ID)
                .distinct()
                .first()
                .getString(0))
        .isEqualTo(second.runId());
    // what silver already holds is counted as duplicate, nothing is inserted twice
    SourceResult o = again.get(0);
    assertThat(List.of(o.read(), o.accepted(), o.quarantined(), o.duplicate()))
        .containsExactly(13L, 0L, 8L, 5L);
  }

  @Test
  void aLaterExtractRestatesAKeyAndARerunOfTheEarlierDateDoesNotUndoIt() {
    LocalDate d2 = D.plusDays(1);
    String header = IngestFixtures.ORDERS_HEADER;
    landing.write(
        D,
        "orders",
        "orders.csv",
        List.of(
            header,
            "O1,1,C1,2024-05-01,P1,books,2,10.00,20.00,,USD,web,north,open",
            "O2,1,C2,2024-05-01,P1,books,1,10.00,10.00,,USD,web,north,open"));
    landing.write(
        d2,
        "orders",
        "orders.csv",
        List.of(
            header,
            "O1,1,C1,2024-05-01,P1,books,2,10.00,20.00,,USD,web,north,complete",
            "O2,1,C2,2024-05-01,P1,books,1,10.00,10.00,,USD,web,north,open",
            "O3,1,C3,2024-05-03,P1,books,1,10.00,10.00,,USD,web,north,open"));
    for (LocalDate d : List.of(D, d2)) {
      landing.write(d, "service", "s.jsonl", List.of());
      landing.write(d, "campaigns", "t.csv", List.of(IngestFixtures.CAMPAIGNS_HEADER));
    }
    TestSpark.run(IngestStage::from, context(D, Map.of()));
    RunContext day2 = context(d2, Map.of());
    SourceResult r = TestSpark.run(IngestStage::from, day2).sources().get(0);
    assertThat(List.of(r.read(), r.accepted(), r.duplicate())).containsExactly(3L, 2L, 1L);
    assertThat(statusOf(day2, "O1")).isEqualTo("complete 2024-05-03");

    RunContext rerun = context(D, Map.of());
    SourceResult old = TestSpark.run(IngestStage::from, rerun).sources().get(0);
    assertThat(List.of(old.read(), old.accepted(), old.duplicate())).containsExactly(2L, 0L, 2L);
    assertThat(statusOf(rerun, "O1")).isEqualTo("complete 2024-05-03");
    assertThat(table(rerun, Orders.CONTRACT).count()).isEqualTo(3);
  }

  @Test
  void readsGbkFilesAndFilesWithAByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] orders =
        String.join(
                "\n",
                IngestFixtures.ORDERS_HEADER,
                "O1,1,C1,2024-05-01,P1,书籍,1,10.00,10.00,,CNY,web,北京,complete")
            .getBytes(StandardCharsets.UTF_8);
    landing.writeBytes(D, "orders", "orders.csv", concat(bom, orders));
    landing.write(D, "service", "s.jsonl", List.of());
    landing.write(D, "campaigns", "t.csv", List.of(IngestFixtures.CAMPAIGNS_HEADER));
    landing.write(
        D,
        "customers",
        "customers.csv",
        List.of(
            "customer_id;signup_date;region;customer_type;name",
            "C1;2024-01-15;华东;consumer;张三",
            "C2;2024-02-01;华北;business;李四"),
        Charset.forName("GBK"));
    RunContext ctx =
        context(
            D,
            Map.of(
                "extracts.customers.encoding", "GBK",
                "extracts.customers.csv.delimiter", ";"));

    TestSpark.run(IngestStage::from, ctx);

    Row order = table(ctx, Orders.CONTRACT).first();
    assertThat(order.<String>getAs(Orders.ORDER_ID)).isEqualTo("O1");
    assertThat(order.<String>getAs(Orders.REGION)).isEqualTo("北京");
    List<Row> customers =
        table(ctx, Customers.CONTRACT).orderBy(Customers.CUSTOMER_ID).collectAsList();
    assertThat(customers)
        .extracting(c -> c.getAs(Customers.REGION) + " " + c.getAs(Customers.NAME))
        .containsExactly("华东 张三", "华北 李四");
    assertThat(customers.get(0).getAs(Customers.SIGNUP_DATE).toString()).isEqualTo("2024-01-15");
  }

  @Test
  void readsParquetExtractsWithRowNumbers() {
    IngestFixtures.writeAll(landing);
    landing.write(D, "campaigns", "touches.csv", List.of());
    StructType schema =
        new StructType()
            .add("campaign_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("sent_ts", DataTypes.TimestampType)
            .add("cost", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create("K1", "C1", java.sql.Timestamp.valueOf("2024-04-01 09:00:00"), 0.05));
    rows.add(
        RowFactory.create("K1", null, java.sql.Timestamp.valueOf("2024-04-01 09:00:00"), 0.05));
    rows.add(
        RowFactory.create("K2", "C1", java.sql.Timestamp.valueOf("2024-04-02 09:00:00"), -1.0));
    Path folder = landing.root().resolve(D.toString()).resolve("campaigns");
    TestSpark.session()
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode("overwrite")
        .parquet(folder.toString());
    RunContext ctx =
        context(D, Map.of("quality.max-reject-ratio", "1", "extracts.campaigns.format", "parquet"));

    TestSpark.run(IngestStage::from, ctx);

    Row touch = table(ctx, CampaignTouches.CONTRACT).first();
    assertThat(touch.<String>getAs(CampaignTouches.CAMPAIGN_ID)).isEqualTo("K1");
    assertThat(touch.getAs(CampaignTouches.SENT_TS).toString()).startsWith("2024-04-01 09:00:00");
    assertThat(touch.<BigDecimal>getAs(CampaignTouches.COST)).isEqualByComparingTo("0.05");
    assertThat(quarantine(ctx, "campaigns"))
        .containsExactly(
            "2 missing_required customer_id: required value is missing",
            "3 negative_price cost: -1.00 is below zero");
    Row raw =
        table(ctx, Quarantine.CONTRACT)
            .filter(col(Quarantine.SOURCE).equalTo("campaigns"))
            .filter(col(Quarantine.LINE_NUMBER).equalTo(3))
            .first();
    assertThat(raw.<String>getAs(Quarantine.RAW_RECORD)).contains("\"campaign_id\":\"K2\"");
    assertThat(raw.<String>getAs(Quarantine.SOURCE_FILE)).startsWith("2024-05-02/campaigns/part-");
  }

  @Test
  void aSourceOverTheQualityGateLeavesSilverUntouchedAndExitsThree() {
    IngestFixtures.writeAll(landing);
    RunContext ctx = context(D, Map.of());

    assertThatThrownBy(() -> TestSpark.run(IngestStage::from, ctx))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining(
            "orders rejected 8 of 13 rows (61.5% > quality.max-reject-ratio 5.0%)")
        .hasMessageContaining("service rejected 3 of 4 rows")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.DATA_QUALITY));

    assertThat(ctx.warehouse().exists(Orders.CONTRACT)).isFalse();
    assertThat(table(ctx, CampaignTouches.CONTRACT).count()).isEqualTo(2);
    assertThat(table(ctx, Quarantine.CONTRACT).count()).isEqualTo(11);
    assertThat(
            table(ctx, PipelineRuns.CONTRACT)
                .filter(col(PipelineRuns.STATUS).equalTo("rejected"))
                .count())
        .isEqualTo(2);
  }

  @Test
  void missingInputsStopWithExitFourNamingThePath() {
    RunContext ctx = context(D, Map.of());
    assertThatThrownBy(() -> TestSpark.run(IngestStage::from, ctx))
        .hasMessageContaining("Missing input: landing folder for 2024-05-02")
        .hasMessageContaining(landing.root().resolve("2024-05-02").toString())
        .satisfies(
            e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.MISSING_INPUT));

    landing.write(D, "orders", "orders.csv", IngestFixtures.ORDERS);
    landing.write(D, "campaigns", "t.csv", IngestFixtures.CAMPAIGNS);
    assertThatThrownBy(
            () ->
                TestSpark.run(
                        IngestStage::from, context(D, Map.of("extracts.service.required", "true")))
                    .sources())
        .hasMessageContaining("Missing input: required source service (no files matching '*')")
        .hasMessageContaining("2024-05-02/service");

    landing.write(D, "service", "s.jsonl", IngestFixtures.SERVICE);
    assertThatThrownBy(
            () ->
                TestSpark.run(
                        IngestStage::from,
                        context(D, Map.of("extracts.orders.columns.customer_id", "client")))
                    .sources())
        .hasMessageContaining(
            "Missing input: orders extract 2024-05-02/orders/orders.csv has no column 'client'")
        .satisfies(
            e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.MISSING_INPUT));
  }

  @Test
  void sourcesRunAtOnceAndTheFirstFailureInSourceOrderStopsTheStageOnceAllHaveFinished() {
    IngestFixtures.writeAll(landing);
    RunContext ctx =
        context(
            D,
            Map.of(
                "extracts.orders.columns.customer_id", "client",
                "extracts.campaigns.columns.customer_id", "buyer",
                "quality.max-reject-ratio", "1.0"));

    assertThatThrownBy(() -> TestSpark.run(IngestStage::from, ctx))
        .hasMessageContaining("orders extract 2024-05-02/orders/orders.csv has no column 'client'")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .satisfies(s -> assertThat(s).hasMessageContaining("has no column 'buyer'")))
        .satisfies(
            e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.MISSING_INPUT));

    // the source that could be read was ingested all the same, and every source has its row
    assertThat(table(ctx, ServiceContacts.CONTRACT).count()).isEqualTo(1);
    assertThat(
            table(ctx, PipelineRuns.CONTRACT).orderBy(PipelineRuns.STAGE).collectAsList().stream()
                .map(r -> r.getAs(PipelineRuns.STAGE) + " " + r.getAs(PipelineRuns.STATUS))
                .toList())
        .containsExactly(
            "ingest:campaigns failed",
            "ingest:customers skipped",
            "ingest:orders failed",
            "ingest:service succeeded");
  }

  @Test
  void anEmptyFileIsNoRowsAndAnUnreadableOneStopsTheRunNamingIt() {
    IngestFixtures.writeAll(landing);
    landing.writeBytes(D, "campaigns", "touches.csv", new byte[0]);
    RunContext ctx = context(D, LENIENT);
    SourceResult campaigns = TestSpark.run(IngestStage::from, ctx).sources().get(2);
    assertThat(campaigns.source()).isEqualTo(Source.CAMPAIGNS);
    assertThat(List.of(campaigns.read(), campaigns.status())).containsExactly(0L, "succeeded");

    // A file that is not what its format says is refused alone: the other sources are ingested,
    // exit 3.
    landing.write(D, "campaigns", "touches.csv", List.of("this is not parquet"));
    Map<String, String> parquet = new java.util.HashMap<>(LENIENT);
    parquet.put("extracts.campaigns.format", "parquet");
    RunContext refused = context(D, parquet);
    assertThatThrownBy(() -> TestSpark.run(IngestStage::from, refused))
        .hasMessage(
            "Quality gate failed: refused file 2024-05-02/campaigns/touches.csv: is not a Parquet file")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.DATA_QUALITY));
    assertThat(table(refused, Orders.CONTRACT).count()).isEqualTo(4);
  }

  private List<String> quarantine(RunContext ctx, String source) {
    return table(ctx, Quarantine.CONTRACT)
        .filter(col(Quarantine.SOURCE).equalTo(source))
        .orderBy(Quarantine.LINE_NUMBER)
        .collectAsList()
        .stream()
        .map(
            r ->
                r.getAs(Quarantine.LINE_NUMBER)
                    + " "
                    + r.getAs(Quarantine.REASON_CODE)
                    + " "
                    + r.getAs(Quarantine.REASON))
        .toList();
  }

  private String statusOf(RunContext ctx, String orderId) {
    Row r = table(ctx, Orders.CONTRACT).filter(col(Orders.ORDER_ID).equalTo(orderId)).first();
    return r.getAs(Orders.STATUS) + " " + r.getAs("business_date");
  }

  private static List<Row> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .sorted(java.util.Comparator.comparing(Row::toString))
        .collect(Collectors.toList());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
