package com.crmanalytics.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental customer_features are the full recompute's, on every date of {@code data-samples/}:
 * each date is ingested and its features computed from the previous date's, then compared row for
 * row (every column, doubles to the bit) with the features recomputed from silver at that moment.
 * One increment also carries what real extracts bring: a late line dated before the previous date,
 * a restated amount and a line moved to another customer. Then an old date rerun, an old extract
 * ingested again and {@code --full}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalFeaturesIT {
  private static final Path SAMPLES = Path.of("data-samples/landing");
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 16);
  private static final LocalDate LAST = LocalDate.of(2026, 11, 23);
  private static final LocalDate RESTATING = LocalDate.of(2026, 11, 20);

  @TempDir static Path tmp;
  static Path landing;
  static Path warehouse;

  @BeforeAll
  static void landing() throws IOException {
    landing = tmp.resolve("landing");
    warehouse = tmp.resolve("warehouse");
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = landing.resolve(SAMPLES.relativize(f));
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    // Lines 101 and 201 of the initial load, restated in a later extract: one with another amount,
    // one moved to the customer of line 301; and a late line of that customer dated before it.
    List<String> initial =
        Files.readAllLines(landing.resolve(FIRST + "/orders/orders.csv")).stream()
            .filter(l -> l.split(",", -1).length == 14 && l.endsWith(",complete"))
            .toList();
    String[] amount = initial.get(100).split(",", -1);
    amount[8] = "999.99";
    amount[7] = "999.99";
    amount[6] = "1";
    String[] moved = initial.get(200).split(",", -1);
    String other = initial.get(300).split(",", -1)[2];
    assertThat(moved[2]).isNotEqualTo(other);
    moved[2] = other;
    String[] late = initial.get(300).split(",", -1);
    late[0] = "LATE-1";
    late[3] = "2026-11-18 10:00:00";
    Files.writeString(
        landing.resolve(RESTATING + "/orders/orders.csv"),
        String.join(",", amount)
            + "\n"
            + String.join(",", moved)
            + "\n"
            + String.join(",", late)
            + "\n",
        StandardOpenOption.APPEND);
  }

  private static RunContext context(LocalDate d) {
    return TestSpark.context(d, landing, warehouse, Map.of());
  }

  /** Runs the features stage and checks its rows of D against a full recompute; its line. */
  private static String featuresMatchFullRecompute(RunContext ctx) {
    FeaturesStage.Result result = TestSpark.run(FeaturesStage::from, ctx);
    LocalDate d = ctx.businessDate();
    Warehouse wh = ctx.warehouse();
    PipelineConfig config = ctx.config();
    Dataset<Row> stored =
        wh.read(CustomerFeatures.CONTRACT)
            .filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)))
            .cache();
    Dataset<Row> full =
        FeaturesStage.asOf(wh, d, config.rfm().windowDays(), config.clv().timeUnit()).cache();
    try {
      assertThat(stored.count()).as("customers as of %s", d).isEqualTo(full.count()).isPositive();
      assertThat(stored.exceptAll(full).collectAsList()).as("only incremental, %s", d).isEmpty();
      assertThat(full.exceptAll(stored).collectAsList()).as("only full, %s", d).isEmpty();
    } finally {
      stored.unpersist();
      full.unpersist();
    }
    return result.message();
  }

  @Test
  @Order(1)
  void everyDateOfTheSamplesIsTheFullRecompute() {
    for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
      RunContext ctx = context(d);
      TestSpark.run(IngestStage::from, ctx);
      String line = featuresMatchFullRecompute(ctx);
      if (d.equals(FIRST)) {
        assertThat(line).contains("recomputed from silver: no earlier customer_features");
      } else {
        assertThat(line).contains("(from those of " + d.minusDays(1) + ", ");
      }
    }
  }

  @Test
  @Order(2)
  void anOldDateRunAgainStartsFromTheDateBeforeIt() {
    String line = featuresMatchFullRecompute(context(LocalDate.of(2026, 11, 19)));
    assertThat(line).contains("from those of 2026-11-18");
  }

  @Test
  @Order(3)
  void anOldExtractIngestedAgainRecomputesEverything() {
    TestSpark.run(IngestStage::from, context(LocalDate.of(2026, 11, 17)));
    String line = featuresMatchFullRecompute(context(LAST));
    assertThat(line)
        .contains(
            "recomputed from silver: the extracts of 2026-11-17 were ingested after the features"
                + " of 2026-11-22");
    // ... and the next run starts from that recompute again.
    assertThat(featuresMatchFullRecompute(context(LAST.plusDays(1))))
        .contains("from those of " + LAST);
  }

  @Test
  @Order(4)
  void fullRecomputesOnRequestAndAChangedConfigurationRecomputes() {
    assertThat(featuresMatchFullRecompute(context(LAST).full()))
        .contains("recomputed from silver: --full");
    RunContext weekly =
        TestSpark.context(LAST, landing, warehouse, Map.of("rfm.window-days", "30"));
    assertThat(featuresMatchFullRecompute(weekly))
        .contains("recomputed from silver: the configuration differs from the one that computed");
  }
}
