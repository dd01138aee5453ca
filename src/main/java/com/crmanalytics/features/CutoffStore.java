package com.crmanalytics.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.config.ModelTimeUnit;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.CutoffFeatures;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.pipeline.RunContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The features as of the value stage's cutoff dates (D − h and D − 2h), as a recompute from silver
 * would give them now, at the cost of a day's change. They continue the latest earlier features
 * there are: those a nightly features stage stored in {@code customer_features}, or those the
 * previous value run kept in {@code cutoff_features} (its cutoffs, one day before tonight's); on a
 * warehouse loaded at once no nightly run has passed the cutoffs yet, and without the kept ones
 * every night would recompute both from all of silver. What was recomputed or continued from kept
 * ones is kept in turn, stamped with the run ({@link CutoffFeatures}); {@link #keepOnly} drops what
 * the run did not use. The result is the full recompute's (IncrementalFeaturesIT).
 */
public final class CutoffStore {
  private static final Logger LOG = LoggerFactory.getLogger(CutoffStore.class);

  private CutoffStore() {}

  /**
   * The features as of {@code c}, persisted (the caller unpersists), and kept in {@code
   * cutoff_features} unless they continue a nightly run's.
   *
   * @param configHash the running configuration's hash
   * @param fromCustomers {@code run.incremental-from-customers}
   */
  public static Dataset<Row> asOf(
      RunContext ctx,
      LocalDate c,
      int windowDays,
      ModelTimeUnit unit,
      String configHash,
      int fromCustomers) {
    return made(ctx, c, windowDays, unit, configHash, fromCustomers).rows();
  }

  /** {@link #asOf}, and how the rows were made. */
  static IncrementalFeatures.Rows made(
      RunContext ctx,
      LocalDate c,
      int windowDays,
      ModelTimeUnit unit,
      String configHash,
      int fromCustomers) {
    Warehouse wh = ctx.warehouse();
    Instant started = Instant.now();
    PreviousFeatures prev =
        ctx.isFull() ? PreviousFeatures.none("--full") : latest(ctx, c, configHash, fromCustomers);
    IncrementalFeatures.Rows made = IncrementalFeatures.asOf(ctx, prev, c, windowDays, unit);
    Dataset<Row> rows = made.rows().persist(StorageLevel.MEMORY_AND_DISK());
    LOG.info("{}: features as of {} {}", ctx.businessDate(), c, made.how());
    IncrementalFeatures.Rows result = new IncrementalFeatures.Rows(rows, made.how());
    if (CustomerFeatures.CONTRACT.equals(prev.table())) {
      return result;
    }
    try {
      // Computed before the write, which may replace the very rows they continue.
      rows.count();
      wh.replaceDate(
          CutoffFeatures.CONTRACT,
          CustomerFeatures.AS_OF_DATE,
          c,
          rows.withColumn(CutoffFeatures.COMPUTED_ON, lit(ctx.businessDate()))
              .withColumn(CutoffFeatures.STARTED_AT, lit(java.sql.Timestamp.from(started)))
              .withColumn(CutoffFeatures.CONFIG_HASH, lit(configHash))
              .withColumn(CutoffFeatures.CODE_VERSION, lit(ctx.codeVersion()))
              .withColumn(CutoffFeatures.RUN_ID, lit(ctx.runId())));
    } catch (RuntimeException e) {
      rows.unpersist();
      throw e;
    }
    return result;
  }

  /**
   * Drops the kept cutoff features that the value run of {@code d} did not compute (the cutoffs of
   * earlier runs, or all of them when tonight's came from customer_features).
   */
  public static void keepOnly(Warehouse wh, LocalDate d) {
    if (wh.exists(CutoffFeatures.CONTRACT)) {
      wh.replace(
          CutoffFeatures.CONTRACT,
          wh.spark().createDataFrame(List.of(), CutoffFeatures.CONTRACT.schema()),
          CutoffFeatures.COMPUTED_ON + " <> " + Warehouse.dateLiteral(d));
    }
  }

  /**
   * The later of the features a nightly run stored on or before {@code c} and those kept by the
   * previous value run, of those that may be continued; else none, and why for each.
   */
  private static PreviousFeatures latest(
      RunContext ctx, LocalDate c, String configHash, int fromCustomers) {
    Warehouse wh = ctx.warehouse();
    PreviousFeatures stored =
        PreviousFeatures.find(wh, c.plusDays(1), configHash, ctx.codeVersion(), fromCustomers);
    PreviousFeatures kept = kept(wh, c, configHash, ctx.codeVersion(), fromCustomers);
    if (!kept.incremental()) {
      return stored.incremental()
          ? stored
          : PreviousFeatures.none(stored.why() + "; " + kept.why());
    }
    return stored.incremental() && !stored.previous().isBefore(kept.previous()) ? stored : kept;
  }

  /** The latest cutoff features kept on or before {@code c}, if they may be continued. */
  static PreviousFeatures kept(
      Warehouse wh, LocalDate c, String configHash, String codeVersion, int fromCustomers) {
    String none = "no cutoff_features kept as of " + c + " or before";
    if (!wh.exists(CutoffFeatures.CONTRACT) || !wh.exists(PipelineRuns.CONTRACT)) {
      return PreviousFeatures.none(none);
    }
    Row r =
        wh
            .read(CutoffFeatures.CONTRACT)
            .filter(col(CustomerFeatures.AS_OF_DATE).leq(lit(c)))
            .groupBy(
                CustomerFeatures.AS_OF_DATE,
                CutoffFeatures.COMPUTED_ON,
                CutoffFeatures.STARTED_AT,
                CutoffFeatures.CONFIG_HASH,
                CutoffFeatures.CODE_VERSION)
            .count()
            .collectAsList()
            .stream()
            .max(
                Comparator.<Row, java.sql.Date>comparing(x -> x.getDate(0))
                    .thenComparing(x -> x.getTimestamp(2)))
            .orElse(null);
    if (r == null) {
      return PreviousFeatures.none(none);
    }
    return PreviousFeatures.checked(
        new PreviousFeatures(
            r.getDate(0).toLocalDate(),
            r.getDate(1).toLocalDate(),
            r.getTimestamp(2).toInstant(),
            CutoffFeatures.CONTRACT,
            null,
            r.getLong(5)),
        r.getString(3),
        r.getString(4),
        configHash,
        codeVersion,
        fromCustomers,
        PreviousFeatures.ingests(wh));
  }
}
