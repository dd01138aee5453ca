package com.crmanalytics.pipeline;

import com.crmanalytics.contract.PipelineRuns;
import com.crmanalytics.io.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Writes {@code pipeline_runs}: one row per stage (per source for ingest), as soon as it ends. */
public final class RunLog {
  /** Row counts of a stage; null where a count does not apply. */
  public record Counts(Long read, Long accepted, Long quarantined, Long duplicate, Long anonymous) {
    public static final Counts NONE = new Counts(null, null, null, null, null);

    public Counts(Long read, Long accepted, Long quarantined, Long duplicate) {
      this(read, accepted, quarantined, duplicate, null);
    }
  }

  private final Warehouse warehouse;
  private final String runId;
  private final LocalDate businessDate;
  private final String codeVersion;
  private final String configHash;

  RunLog(
      Warehouse warehouse,
      String runId,
      LocalDate businessDate,
      String codeVersion,
      String configHash) {
    this.warehouse = warehouse;
    this.runId = runId;
    this.businessDate = businessDate;
    this.codeVersion = codeVersion;
    this.configHash = configHash;
  }

  public void record(String stage, String status, Instant started, Counts counts, String message) {
    Row row =
        RowFactory.create(
            runId,
            Date.valueOf(businessDate),
            stage,
            status,
            Timestamp.from(started),
            Timestamp.from(Instant.now()),
            counts.read(),
            counts.accepted(),
            counts.quarantined(),
            counts.duplicate(),
            message,
            codeVersion,
            configHash,
            counts.anonymous());
    warehouse.append(
        PipelineRuns.CONTRACT,
        warehouse.spark().createDataFrame(List.of(row), PipelineRuns.CONTRACT.schema()));
  }
}
