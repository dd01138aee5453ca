package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.contract.Orders;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.Cdnow;
import com.crmanalytics.testing.TestSpark;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDNOW sample ingests as an orders extract through conf/profiles/cdnow.conf alone. */
class CdnowIngestTest {
  @TempDir Path tmp;

  @Test
  void everyLineOfTheSampleBecomesAnOrderThroughTheProfileAlone() throws IOException {
    Path sample = Cdnow.sample();
    LocalDate d = LocalDate.of(1998, 6, 30);
    Path folder =
        Files.createDirectories(tmp.resolve("landing").resolve(d.toString()).resolve("orders"));
    Files.copy(sample, folder.resolve(sample.getFileName()));
    List<String> lines = Files.readAllLines(sample).stream().filter(l -> !l.isBlank()).toList();
    BigDecimal total =
        lines.stream()
            .map(l -> new BigDecimal(l.trim().split("\\s+")[4]))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // 19 distinct lines occur more than once (40 lines in all): each is a real purchase.
    Map<String, Long> copies =
        lines.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    l -> l, java.util.stream.Collectors.counting()));
    long repeated = copies.values().stream().filter(n -> n > 1).count();

    RunContext ctx =
        TestSpark.context(
            d,
            tmp.resolve("landing"),
            tmp.resolve("warehouse"),
            new File("conf/profiles/cdnow.conf"),
            Map.of());
    SourceResult orders = TestSpark.run(IngestStage::from, ctx).sources().get(0);

    assertThat(lines).hasSize(6919);
    assertThat(repeated).isEqualTo(19);
    assertThat(List.of(orders.read(), orders.accepted(), orders.quarantined(), orders.duplicate()))
        .containsExactly(6919L, 6919L, 0L, 0L);
    Dataset<Row> silver = ctx.warehouse().read(Orders.CONTRACT);
    assertThat(silver.select(Orders.ORDER_ID).distinct().count()).isEqualTo(6919);
    assertThat(silver.select(sum(Orders.AMOUNT)).first().getDecimal(0)).isEqualByComparingTo(total);
    Row first = silver.filter(col(Orders.ORDER_ID).equalTo("CDNOW_sample.txt:1")).first();
    assertThat(first.<String>getAs(Orders.CUSTOMER_ID)).isEqualTo("0001");
    assertThat(first.getAs(Orders.ORDER_TS).toString()).startsWith("1997-01-01 00:00:00");
    assertThat(first.<Integer>getAs(Orders.QUANTITY)).isEqualTo(2);
    assertThat(first.<BigDecimal>getAs(Orders.AMOUNT)).isEqualByComparingTo("29.33");
    assertThat(silver.select(Orders.CUSTOMER_ID).distinct().count()).isEqualTo(2357);
  }
}
