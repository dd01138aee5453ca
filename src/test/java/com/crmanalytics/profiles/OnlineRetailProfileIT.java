package com.crmanalytics.profiles;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.testing.Crm;
import com.crmanalytics.testing.ProductSpark;
import com.crmanalytics.testing.SharedData;
import com.crmanalytics.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped profile conf/profiles/online-retail-ii.conf on the real file (525,461 invoice lines
 * of 2009-2010): one orders-only {@code crm run} with the default quality gate, everything asserted
 * on it.
 */
@ExtendWith(ProductSpark.class) // half a million lines: interpreted is 4 times slower
class OnlineRetailProfileIT {
  private static final LocalDate D = LocalDate.of(2010, 12, 10);

  @TempDir Path tmp;

  @Test
  void theWholeYearRunsAndEveryLineIsAccountedFor() throws IOException {
    Path file = SharedData.file("online_retail_ii", "online_retail_ii_year_2009_2010.parquet");
    Path landing = tmp.resolve("landing");
    SharedData.land(landing, D, "orders", file);
    Path warehouse = tmp.resolve("warehouse");
    Path reports = tmp.resolve("reports");

    Crm.Result run =
        Crm.run(
            List.of(
                "run",
                "--conf",
                "conf/profiles/online-retail-ii.conf",
                "--landing",
                landing.toString(),
                "--warehouse",
                warehouse.toString(),
                "--set",
                "paths.reports=" + reports,
                "--date",
                D.toString()));
    assertThat(run.exit()).as(run.err()).isZero();

    Warehouse wh = TestSpark.context(D, landing, warehouse, Map.of()).warehouse();
    Row ingest =
        wh.read(PipelineRuns.CONTRACT)
            .filter(col(PipelineRuns.STAGE).equalTo("ingest:orders"))
            .first();
    // 107,927 lines without a customer: 107,830 kept as anonymous, 94 exact copies of earlier
    // anonymous
    // lines counted as duplicates, 3 bad-debt adjustments with a negative price quarantined.
    assertThat(
            List.of(
                ingest.getAs(PipelineRuns.ROWS_READ),
                ingest.getAs(PipelineRuns.ROWS_ACCEPTED),
                ingest.getAs(PipelineRuns.ROWS_QUARANTINED),
                ingest.getAs(PipelineRuns.ROWS_DUPLICATE),
                ingest.getAs(PipelineRuns.ROWS_ANONYMOUS)))
        .containsExactly(525_461L, 410_763L, 3L, 6_865L, 107_830L);
    assertThat(
            wh.read(Quarantine.CONTRACT)
                .groupBy(Quarantine.REASON_CODE)
                .count()
                .collectAsList()
                .toString())
        .isEqualTo("[[negative_price,3]]");

    Dataset<Row> orders = wh.read(Orders.CONTRACT);
    assertThat(orders.filter(col(Orders.CUSTOMER_ID).isNull()).count()).isEqualTo(107_830L);
    assertThat(orders.filter(col(Orders.CUSTOMER_ID).contains(".")).count()).isZero();
    assertThat(
            orders
                .filter(col(Orders.ORDER_ID).startsWith("C").and(col(Orders.QUANTITY).lt(0)))
                .filter(col(Orders.AMOUNT).geq(0))
                .count())
        .isZero();

    Dataset<Row> features =
        wh.read(CustomerFeatures.CONTRACT)
            .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(D.toString()));
    assertThat(features.count()).isEqualTo(4_383L);
    // customer 14911: 5,707 lines on 270 invoices, of which 205 are purchases (the rest
    // cancellations)
    Row c = features.filter(col(CustomerFeatures.CUSTOMER_ID).equalTo("14911")).first();
    assertThat(((Number) c.getAs(CustomerFeatures.LIFETIME_ORDERS)).longValue()).isEqualTo(205L);
    assertThat(orders.filter(col(Orders.CUSTOMER_ID).equalTo("14911")).count()).isEqualTo(5_707L);
    assertThat(
            orders
                .filter(col(Orders.CUSTOMER_ID).equalTo("14911"))
                .agg(countDistinct(Orders.ORDER_ID))
                .first()
                .getLong(0))
        .isEqualTo(270L);

    String page = Files.readString(reports.resolve(D.toString()).resolve("index.html"));
    assertThat(page)
        .contains("No campaign extract has been received (source campaigns): nothing to show here.")
        .contains("No service extract has been received (source service): nothing to show here.");
  }
}
