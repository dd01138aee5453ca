package com.crmanalytics.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.pipeline.Stage;
import com.crmanalytics.pipeline.StageResult;
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
      // The customer master (personal data) plays no part in the features: left out, its ingest
      // is skipped as an optional source.
      for (Path f :
          files
              .filter(Files::isRegularFile)
              .filter(f -> !SAMPLES.relativize(f).toString().contains("/customers/"))
              .toList()) {
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

  /** Incremental at any size: the samples' 2,000 customers are below the default threshold. */
  private static final Map<String, String> ALWAYS = Map.of("run.incremental-from-customers", "0");

  private static RunContext context(LocalDate d) {
    return TestSpark.context(d, landing, warehouse, ALWAYS);
  }

  /** Runs the features stage and checks its rows of D against a full recompute; its line. */
  private static String featuresMatchFullRecompute(RunContext ctx) {
    FeaturesStage.Result result = TestSpark.run(FeaturesStage::from, ctx);
    LocalDate d = ctx.businessDate();
    Warehouse wh = ctx.warehouse();
    PipelineConfig config = ctx.config();
    Dataset<Row> stored =
        wh.read(CustomerFeatures.CONTRACT).filter(col(CustomerFeatures.AS_OF_DATE).equalTo(lit(d)));
    Dataset<Row> full =
        FeaturesStage.asOf(wh, d, config.rfm().windowDays(), config.clv().timeUnit());
    assertThat(result.customers()).isPositive();
    assertSameRows(stored, full, d);
    return result.message();
  }

  /** The same rows, as many times each: every column, doubles to the bit (one Spark action). */
  private static void assertSameRows(Dataset<Row> a, Dataset<Row> b, LocalDate d) {
    assertThat(
            a.exceptAll(b)
                .withColumn("_only_in", lit("incremental"))
                .unionByName(b.exceptAll(a).withColumn("_only_in", lit("full recompute")))
                .limit(5)
                .collectAsList())
        .as("customer_features as of %s, incremental against full recompute", d)
        .isEmpty();
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
  void aPastDatesFeaturesForTheValueStageAreARecomputeFromTheStoredOnes() {
    // As the value stage asks for its cutoff dates, at the end of the run of LAST: the stored
    // features of 2026-11-18 and the customers with rows dated on or before it written since (the
    // late line, the restated amount, the moved line and its earlier owner) recomputed.
    LocalDate cutoff = LocalDate.of(2026, 11, 18);
    RunContext ctx = context(LAST);
    PipelineConfig config = ctx.config();
    int window = config.rfm().windowDays();
    TestSpark.run(
        c ->
            new Stage<StageResult>() {
              @Override
              public String name() {
                return "cutoff-features";
              }

              @Override
              public StageResult run(RunContext run) {
                PreviousFeatures prev =
                    PreviousFeatures.find(
                        run.warehouse(), cutoff.plusDays(1), config.hash(), run.codeVersion(), 0);
                assertThat(prev.previous()).isEqualTo(cutoff);
                String how =
                    IncrementalFeatures.asOf(run, prev, cutoff, window, config.clv().timeUnit())
                        .how();
                assertThat(how).matches("from those of 2026-11-18, \\d+ customers recomputed");
                // at least the late line's, the restated amount's and the moved line's two owners
                assertThat(Integer.parseInt(how.replaceAll("\\D+", " ").trim().split(" ")[3]))
                    .isBetween(3, 1000);
                assertSameRows(
                    IncrementalFeatures.storedOrRecomputed(
                        run, cutoff, window, config.clv().timeUnit(), config.hash(), 0),
                    FeaturesStage.asOf(run.warehouse(), cutoff, window, config.clv().timeUnit()),
                    cutoff);
                return () -> how;
              }
            },
        ctx);
  }

  @Test
  @Order(3)
  void anOldDateRunAgainStartsFromTheDateBeforeIt() {
    String line = featuresMatchFullRecompute(context(LocalDate.of(2026, 11, 19)));
    assertThat(line).contains("from those of 2026-11-18");
  }

  @Test
  @Order(4)
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
  @Order(5)
  void fullRecomputesOnRequestAChangedConfigurationOrASmallBase() {
    assertThat(featuresMatchFullRecompute(context(LAST).full()))
        .contains("recomputed from silver: --full");
    RunContext weekly =
        TestSpark.context(
            LAST,
            landing,
            warehouse,
            Map.of("rfm.window-days", "30", "run.incremental-from-customers", "0"));
    assertThat(featuresMatchFullRecompute(weekly))
        .contains("recomputed from silver: the configuration differs from the one that computed");
    // the default threshold: 2,000 customers are recomputed rather than continued
    assertThat(featuresMatchFullRecompute(TestSpark.context(LAST, landing, warehouse, Map.of())))
        .contains("customers as of 2026-11-22, fewer than run.incremental-from-customers (50000)");
  }
}
