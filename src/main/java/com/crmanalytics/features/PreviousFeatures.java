package com.crmanalytics.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.ingest.IngestStage;
import com.crmanalytics.io.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
    // One read of the run log: the succeeded features runs and the ingests before D.
    List<Row> runs =
        wh.read(PipelineRuns.CONTRACT)
            .filter(col(PipelineRuns.BUSINESS_DATE).lt(lit(d)))
            .filter(
                col(PipelineRuns.STAGE)
                    .equalTo(lit(STAGE))
                    .and(col(PipelineRuns.STATUS).equalTo(lit(PipelineRuns.SUCCEEDED)))
                    .or(
                        col(PipelineRuns.STAGE)
                            .startsWith(IngestStage.STAGE)
                            .and(col(PipelineRuns.STATUS).notEqual(lit(PipelineRuns.SKIPPED)))))
            .select(
                PipelineRuns.STAGE,
                PipelineRuns.BUSINESS_DATE,
                PipelineRuns.STARTED_AT,
                PipelineRuns.CONFIG_HASH,
                PipelineRuns.CODE_VERSION,
                PipelineRuns.ROWS_ACCEPTED)
            .collectAsList();
    Comparator<Row> latest =
        Comparator.<Row, java.sql.Date>comparing(r -> r.getDate(1))
            .thenComparing(r -> r.getTimestamp(2));
    Row r = runs.stream().filter(x -> STAGE.equals(x.getString(0))).max(latest).orElse(null);
    if (r == null) {
      return none("no earlier customer_features");
    }
    LocalDate p = r.getDate(1).toLocalDate();
    Instant computed = r.getTimestamp(2).toInstant();
    long customers = r.isNullAt(5) ? 0 : r.getLong(5);
    if (customers < fromCustomers) {
      return none(
          String.format(
              Locale.ROOT,
              "%d customers as of %s, fewer than run.incremental-from-customers (%d)",
              customers,
              p,
              fromCustomers));
    }
    if (!Objects.equals(r.getString(3), configHash)) {
      return none("the configuration differs from the one that computed the features of " + p);
    }
    if (!Objects.equals(r.getString(4), codeVersion)) {
      return none("crm-analytics " + r.getString(4) + " computed the features of " + p);
    }
    Optional<Row> reingested =
        runs.stream()
            .filter(x -> x.getString(0).startsWith(IngestStage.STAGE))
            .filter(x -> !x.getDate(1).toLocalDate().isAfter(p))
            .filter(x -> !x.getTimestamp(2).toInstant().isBefore(computed))
            .min(Comparator.comparing(x -> x.getTimestamp(2)));
    if (reingested.isPresent()) {
      return none(
          "the extracts of "
              + reingested.get().getDate(1)
              + " were ingested after the features of "
              + p);
    }
    return new PreviousFeatures(p, computed, null, customers);
  }
}
