package com.crmanalytics.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.io.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The earlier {@code customer_features} a run for D may start from, found in {@code pipeline_runs}:
 * the latest date P &lt; D whose features stage succeeded, provided that what it was computed from
 * is still what a full recompute would use for the days up to P. That holds when
 *
 * <ul>
 *   <li>it had at least {@code run.incremental-from-customers} customers (below, recomputing all is
 *       quicker than finding what changed);
 *   <li>the same code version and the same configuration (its hash) computed it — a changed rule,
 *       window, time unit or time zone recomputes everything;
 *   <li>no extract of a date on or before P was ingested after it was computed (a rerun of an old
 *       date can restate rows without moving their business date past P).
 * </ul>
 *
 * Rows written since then carry a business date after P and are found by {@link
 * IncrementalFeatures}. When any condition fails, or nothing was computed before D, the run
 * recomputes from silver and its line says why.
 *
 * @param previous P, or null for a full recompute
 * @param computedAt when the features stage of P started (null with previous)
 * @param why why the run recomputes everything (null when it does not)
 * @param customers the customers of P (0 with why)
 */
public record PreviousFeatures(LocalDate previous, Instant computedAt, String why, long customers) {
  private static final String STAGE = FeaturesStage.STAGE;

  public PreviousFeatures {
    if ((previous == null) == (why == null)) {
      throw new IllegalArgumentException("either a previous date or a reason to recompute");
    }
  }

  /** A full recompute, for {@code why}. */
  public static PreviousFeatures none(String why) {
    return new PreviousFeatures(null, null, why, 0);
  }

  public boolean incremental() {
    return previous != null;
  }

  /**
   * The features D may start from in {@code wh}, given the running configuration's hash and code
   * version.
   */
  public static PreviousFeatures find(
      Warehouse wh, LocalDate d, String configHash, String codeVersion, int fromCustomers) {
    if (!wh.exists(CustomerFeatures.CONTRACT) || !wh.exists(PipelineRuns.CONTRACT)) {
      return none("no earlier customer_features");
    }
    Dataset<Row> runs = wh.read(PipelineRuns.CONTRACT);
    List<Row> last =
        runs.filter(col(PipelineRuns.STAGE).equalTo(lit(STAGE)))
            .filter(col(PipelineRuns.STATUS).equalTo(lit(PipelineRuns.SUCCEEDED)))
            .filter(col(PipelineRuns.BUSINESS_DATE).lt(lit(d)))
            .orderBy(col(PipelineRuns.BUSINESS_DATE).desc(), col(PipelineRuns.STARTED_AT).desc())
            .select(
                PipelineRuns.BUSINESS_DATE,
                PipelineRuns.STARTED_AT,
                PipelineRuns.CONFIG_HASH,
                PipelineRuns.CODE_VERSION,
                PipelineRuns.ROWS_ACCEPTED)
            .limit(1)
            .collectAsList();
    if (last.isEmpty()) {
      return none("no earlier customer_features");
    }
    Row r = last.get(0);
    LocalDate p = r.getDate(0).toLocalDate();
    Instant computed = r.getTimestamp(1).toInstant();
    long customers = r.isNullAt(4) ? 0 : r.getLong(4);
    if (customers < fromCustomers) {
      return none(
          String.format(
              Locale.ROOT,
              "%d customers as of %s, fewer than run.incremental-from-customers (%d)",
              customers,
              p,
              fromCustomers));
    }
    if (!Objects.equals(r.getString(2), configHash)) {
      return none("the configuration differs from the one that computed the features of " + p);
    }
    if (!Objects.equals(r.getString(3), codeVersion)) {
      return none("crm-analytics " + r.getString(3) + " computed the features of " + p);
    }
    List<Row> reingested =
        runs.filter(col(PipelineRuns.STAGE).startsWith(IngestStage.STAGE))
            .filter(col(PipelineRuns.STATUS).notEqual(lit(PipelineRuns.SKIPPED)))
            .filter(col(PipelineRuns.BUSINESS_DATE).leq(lit(p)))
            .filter(col(PipelineRuns.STARTED_AT).geq(lit(java.sql.Timestamp.from(computed))))
            .orderBy(col(PipelineRuns.STARTED_AT))
            .select(PipelineRuns.BUSINESS_DATE)
            .limit(1)
            .collectAsList();
    if (!reingested.isEmpty()) {
      return none(
          "the extracts of "
              + reingested.get(0).getDate(0)
              + " were ingested after the features of "
              + p);
    }
    return new PreviousFeatures(p, computed, null, customers);
  }
}
