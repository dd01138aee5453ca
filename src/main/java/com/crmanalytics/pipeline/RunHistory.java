package com.crmanalytics.pipeline;

import static org.apache.spark.sql.functions.col;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.io.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@code pipeline_runs} says about past runs. A date <em>succeeded</em> when its last run —
 * the latest of the runs for that date that wrote a {@code run} row ({@code crm run}, {@code
 * nightly}, {@code backfill}) — has that row succeeded and no row with a status other than
 * succeeded or skipped. A single stage run later ({@code crm report --date D}, say) writes no
 * {@code run} row and changes nothing; a whole run killed before it could write its row is not seen
 * either (its lock file is, and the next run takes it over with a warning).
 */
public final class RunHistory {
  private RunHistory() {}

  /** The dates in [from, to] that succeeded, each with the id of its latest run. */
  public static Map<LocalDate, String> succeeded(
      Warehouse warehouse, LocalDate from, LocalDate to) {
    Map<LocalDate, String> dates = new TreeMap<>();
    if (!warehouse.exists(PipelineRuns.CONTRACT)) {
      return dates;
    }
    Dataset<Row> runs =
        warehouse
            .read(PipelineRuns.CONTRACT)
            .where(col(PipelineRuns.BUSINESS_DATE).between(Date.valueOf(from), Date.valueOf(to)));
    runs.createOrReplaceTempView("crm_resume_runs");
    // One row per (date, run) of the whole chain; the latest such run per date; its verdict.
    // Bounded by the number of runs.
    Dataset<Row> verdict =
        warehouse
            .spark()
            .sql(
                "WITH per_run AS ("
                    + " SELECT business_date, run_id, max(finished_at) AS finished,"
                    + "  max(CASE WHEN stage = '"
                    + PipelineRuns.RUN_STAGE
                    + "' THEN 1 ELSE 0 END) AS whole,"
                    + "  max(CASE WHEN stage = '"
                    + PipelineRuns.RUN_STAGE
                    + "' AND status = '"
                    + PipelineRuns.SUCCEEDED
                    + "' THEN 1 ELSE 0 END) AS completed,"
                    + "  max(CASE WHEN status NOT IN ('"
                    + PipelineRuns.SUCCEEDED
                    + "', '"
                    + PipelineRuns.SKIPPED
                    + "') THEN 1 ELSE 0 END) AS failed"
                    + " FROM crm_resume_runs GROUP BY business_date, run_id),"
                    + " ranked AS (SELECT *, row_number() OVER (PARTITION BY business_date ORDER BY finished DESC, run_id DESC) AS n"
                    + "  FROM per_run WHERE whole = 1)"
                    + " SELECT business_date, run_id FROM ranked WHERE n = 1 AND completed = 1 AND failed = 0");
    for (Row r : verdict.collectAsList()) {
      dates.put(r.getDate(0).toLocalDate(), r.getString(1));
    }
    warehouse.spark().catalog().dropTempView("crm_resume_runs");
    return dates;
  }
}
