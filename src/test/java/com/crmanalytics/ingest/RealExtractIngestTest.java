package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import com.crmanalytics.features.FeaturesStage;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Landing;
import com.crmanalytics.testing.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real extracts bring: bad numbers, implausible dates, control characters, long fields, quoted
 * line breaks, repeated headers, guest buyers, float ids, gzip files (good and misnamed), invoice
 * lines without line numbers, two-digit years and column expressions. One ingest run per scenario.
 */
class RealExtractIngestTest {
  private static final LocalDate D = LocalDate.of(2024, 5, 2);
  private static final String HEADER =
      "order_id,line_no,customer_id,order_ts,product_id,quantity,unit_price,amount,cost";

  @TempDir Path tmp;

  private static byte[] gzip(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void badValuesGoToQuarantineWithTheirOwnReasonAndAMisnamedGzipIsRefusedAlone()
      throws IOException {
    Landing landing = new Landing(tmp.resolve("landing"));
    landing.write(
        D,
        "orders",
        "a.csv",
        List.of(
            HEADER,
            "O1,1,17850.0,2024-05-01 10:00:00,P1,2,10.00,20.00,12.00", // 2 accepted, customer 17850
            "O2,1,C1,2024-05-01,P1,1,10.00,\"1,234.50\",", // 3
            "O3,1,C1,2024-05-01,P1,1,10.00,NaN,", // 4
            "O4,1,C1,2024-05-01,P1,1,10.00,1e309,", // 5
            "O5,1,C1,2024-05-01,P1,1,10.00,Infinity,", // 6
            "O6,1,C1,2024-05-01,P1,1,Infinity,10.00,", // 7
            "O7,1,C1,2024-05-01,P1,1,10.00,10.00,NaN", // 8
            "O8,1,C1,0000-01-01,P1,1,10.00,10.00,", // 9
            "O9,1,C1,2024-05-01,P\u00001,1,10.00,10.00,", // 10
            "O10,1,C1,2024-05-01," + "X".repeat(41) + ",1,10.00,10.00,", // 11
            "O11,1,C1,2024-05-01,\"P1", // 12: a quoted field over two lines, accepted
            "second line\",1,10.00,10.00,", // 13
            HEADER, // 14
            "O12,1,,2024-05-01,P1,1,5.00,5.00,", // 15 anonymous (empty)
            "O13,1,0,2024-05-01,P1,1,5.00,5.00,", // 16 anonymous (0)
            "O14,1,0.0,2024-05-01,P1,1,5.00,5.00,", // 17 anonymous (0.0 is 0)
            "O15,1,C2,2024-05-01,P1,1,10.00,,", // 18 empty amount: not made up
            ""));
    landing.writeBytes(
        D, "orders", "b.csv.gz", gzip(List.of(HEADER, "O20,1,C4,2024-05-01,P2,1,3.00,3.00,")));
    landing.writeBytes(
        D, "orders", "c.csv", gzip(List.of(HEADER, "O30,1,C5,2024-05-01,P2,1,3.00,3.00,")));
    Map<String, String> set = new HashMap<>();
    set.put("quality.max-reject-ratio", "1");
    set.put("extracts.orders.anonymous-customers", "[\"\", \"0\"]");
    set.put("extracts.orders.max-field-length", "40");
    RunContext ctx = TestSpark.context(D, landing.root(), tmp.resolve("warehouse"), set);

    assertThatThrownBy(() -> TestSpark.run(IngestStage::from, ctx))
        .hasMessage(
            "Quality gate failed: refused file 2024-05-02/orders/c.csv: gzip data, not csv text"
                + " (a gzip extract must be named *.gz)")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.DATA_QUALITY));

    assertThat(
            ctx
                .warehouse()
                .read(Quarantine.CONTRACT)
                .orderBy(Quarantine.SOURCE_FILE, Quarantine.LINE_NUMBER)
                .collectAsList()
                .stream()
                .map(
                    r ->
                        r.getAs(Quarantine.LINE_NUMBER)
                            + " "
                            + r.getAs(Quarantine.REASON_CODE)
                            + " "
                            + r.getAs(Quarantine.REASON))
                .toList())
        .containsExactly(
            "3 unparseable_number amount: '1,234.50' is not a number (decimal(18,2))",
            "4 unparseable_number amount: 'NaN' is not a number (decimal(18,2))",
            "5 unparseable_number amount: '1e309' is not a number (decimal(18,2))",
            "6 unparseable_number amount: 'Infinity' is not a number (decimal(18,2))",
            "7 unparseable_number unit_price: 'Infinity' is not a number (decimal(18,2))",
            "8 unparseable_number cost: 'NaN' is not a number (decimal(18,2))",
            "9 date_before_floor order_ts: 0000-01-01 00:00:00 is before min-date 1900-01-01",
            "10 control_character product_id: holds a control character (such as NUL)",
            "11 field_too_long product_id: 41 characters, more than max-field-length 40",
            "14 header_repeated the header line repeated: order_id, line_no, customer_id, order_ts, product_id,"
                + " quantity, unit_price, amount, cost",
            "18 missing_required amount: required value is missing");

    Row run =
        ctx.warehouse()
            .read(PipelineRuns.CONTRACT)
            .filter(col(PipelineRuns.STAGE).equalTo("ingest:orders"))
            .first();
    assertThat(
            List.of(
                run.getAs(PipelineRuns.ROWS_READ),
                run.getAs(PipelineRuns.ROWS_ACCEPTED),
                run.getAs(PipelineRuns.ROWS_QUARANTINED),
                run.getAs(PipelineRuns.ROWS_DUPLICATE),
                run.getAs(PipelineRuns.ROWS_ANONYMOUS)))
        .containsExactly(17L, 3L, 11L, 0L, 3L);
    assertThat((String) run.getAs(PipelineRuns.MESSAGE))
        .contains("refused 1 file(s), not ingested: 2024-05-02/orders/c.csv");

    List<String> silver =
        ctx.warehouse().read(Orders.CONTRACT).orderBy(Orders.ORDER_ID).collectAsList().stream()
            .map(
                r ->
                    r.getAs(Orders.ORDER_ID)
                        + " "
                        + r.getAs(Orders.CUSTOMER_ID)
                        + " "
                        + r.getAs(Orders.PRODUCT_ID)
                        + " "
                        + r.getAs(Orders.AMOUNT))
            .toList();
    assertThat(silver)
        .containsExactly(
            "O1 17850 P1 20.00",
            "O11 C1 P1\nsecond line 10.00",
            "O12 null P1 5.00",
            "O13 null P1 5.00",
            "O14 null P1 5.00",
            "O20 C4 P2 3.00");
  }

  /**
   * Invoice lines: numbered per invoice; identical lines a duplicate or a purchase; dates from two
   * columns.
   */
  private RunContext invoices(String identical, Path dir, LocalDate d) {
    Landing landing = new Landing(dir.resolve("landing"));
    landing.write(
        d,
        "orders",
        "lines.csv",
        List.of(
            "inv,cust,day,time,sku,qty,price",
            "I1,C1,990201,7:02:47,A,1,2.00",
            "I1,C1,990201,7:02:47,B,2,1.50",
            "I1,C1,990201,7:02:47,A,1,2.00",
            "I2,C1,990215,9:00:00,A,1,2.00",
            "VOID,C2,990201,8:00:00,A,1,2.00"));
    Map<String, String> set = new HashMap<>();
    set.put("quality.max-reject-ratio", "1");
    set.put("extracts.orders.derive-line-numbers", "true");
    set.put("extracts.orders.identical-lines", identical);
    set.put(
        "extracts.orders.columns",
        "{customer_id = cust, product_id = sku, quantity = qty, unit_price = price}");
    set.put(
        "extracts.orders.expressions",
        "{order_id = \"nullif(inv, 'VOID')\", order_ts = \"concat(day, ' ', time)\"}");
    set.put("extracts.orders.timestamp-formats", "[\"yyMMdd H:mm:ss\"]");
    return TestSpark.context(d, landing.root(), dir.resolve("warehouse"), set);
  }

  private static List<String> lines(RunContext ctx) {
    return ctx
        .warehouse()
        .read(Orders.CONTRACT)
        .orderBy(Orders.ORDER_ID, Orders.LINE_NO)
        .collectAsList()
        .stream()
        .map(
            r ->
                r.getAs(Orders.ORDER_ID)
                    + "/"
                    + r.getAs(Orders.LINE_NO)
                    + " "
                    + r.getAs(Orders.PRODUCT_ID)
                    + " "
                    + r.getAs(Orders.ORDER_TS)
                    + " "
                    + r.getAs(Orders.AMOUNT))
        .toList();
  }

  @Test
  void invoiceLinesAreNumberedAndAnIdenticalLineIsADuplicateOrAPurchaseAsTheProfileSays() {
    LocalDate d = LocalDate.of(1999, 2, 28);
    RunContext dup = invoices("duplicate", tmp.resolve("dup"), d);
    SourceResult orders = TestSpark.run(IngestStage::from, dup).sources().get(0);
    assertThat(List.of(orders.read(), orders.accepted(), orders.quarantined(), orders.duplicate()))
        .containsExactly(5L, 3L, 1L, 1L);
    // 990201 is 1999-02-01 (the century ending with the business date), with the time of day
    assertThat(lines(dup))
        .containsExactly(
            "I1/1 A 1999-02-01 07:02:47.0 2.00",
            "I1/2 B 1999-02-01 07:02:47.0 3.00",
            "I2/1 A 1999-02-15 09:00:00.0 2.00");
    assertThat(
            dup.warehouse().read(Quarantine.CONTRACT).collectAsList().stream()
                .map(
                    r ->
                        r.getAs(Quarantine.LINE_NUMBER)
                            + " "
                            + r.getAs(Quarantine.REASON_CODE)
                            + " "
                            + r.getAs(Quarantine.REASON))
                .toList())
        .containsExactly(
            "6 expression_failed order_id: expression 'nullif(inv, 'VOID')' gave no value for this row");
    // lifetime_orders counts invoices, not lines
    Row c1 =
        FeaturesStage.asOf(dup.warehouse(), d, 365, ModelTimeUnit.WEEK)
            .filter(col(CustomerFeatures.CUSTOMER_ID).equalTo("C1"))
            .first();
    assertThat(((Number) c1.getAs(CustomerFeatures.LIFETIME_ORDERS)).longValue()).isEqualTo(2L);

    RunContext distinct = invoices("distinct", tmp.resolve("distinct"), d);
    SourceResult purchases = TestSpark.run(IngestStage::from, distinct).sources().get(0);
    assertThat(
            List.of(
                purchases.read(),
                purchases.accepted(),
                purchases.quarantined(),
                purchases.duplicate()))
        .containsExactly(5L, 4L, 1L, 0L);
    assertThat(lines(distinct))
        .containsExactly(
            "I1/1 A 1999-02-01 07:02:47.0 2.00",
            "I1/2 B 1999-02-01 07:02:47.0 3.00",
            "I1/3 A 1999-02-01 07:02:47.0 2.00",
            "I2/1 A 1999-02-15 09:00:00.0 2.00");
  }

  @Test
  void anExpressionSparkCannotComputeStopsTheRunWithExitTwoBeforeAnythingIsRead() {
    Landing landing = new Landing(tmp.resolve("landing"));
    landing.write(D, "orders", "a.csv", List.of("inv,cust,day", "I1,C1,2024-05-01"));
    RunContext ctx =
        TestSpark.context(
            D,
            landing.root(),
            tmp.resolve("warehouse"),
            Map.of(
                "extracts.orders.columns", "{order_id = inv, customer_id = cust}",
                "extracts.orders.expressions.order_ts", "to_timestmp(day)"));
    assertThatThrownBy(() -> TestSpark.run(IngestStage::from, ctx))
        .hasMessageContaining(
            "extracts.orders.expressions.order_ts = 'to_timestmp(day)' (allowed: an expression Spark"
                + " can compute over the extract's columns")
        .hasMessageContaining("to_timestmp")
        .satisfies(e -> assertThat(((CrmException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }
}
