package com.crmanalytics.pipeline;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.io.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * What every stage of one run shares: the business date it is for, the Spark session, the
 * warehouse, the run's id and the run log, and — while {@link StageRunner} runs a stage — the
 * stage's scope: what it cached and where its parts are reported. Stages take their settings from
 * their constructor, not from {@link #config()}.
 */
public final class RunContext {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final LocalDate businessDate;
  private final PipelineConfig config;
  private final Warehouse warehouse;
  private final String runId;
  private final String codeVersion;
  private final RunLog log;
  private final boolean full;
  private Scope scope;

  private RunContext(
      LocalDate businessDate,
      PipelineConfig config,
      Warehouse warehouse,
      String runId,
      String codeVersion,
      RunLog log,
      boolean full) {
    this.businessDate = businessDate;
    this.config = config;
    this.warehouse = warehouse;
    this.runId = runId;
    this.codeVersion = codeVersion;
    this.log = log;
    this.full = full;
  }

  public static RunContext start(
      LocalDate businessDate, PipelineConfig config, Warehouse warehouse, String codeVersion) {
    // The wall clock only names the run; it never decides which data is used.
    String runId =
        businessDate
            + "_"
            + STAMP.format(Instant.now())
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    RunLog log = new RunLog(warehouse, runId, businessDate, codeVersion, config.hash());
    return new RunContext(businessDate, config, warehouse, runId, codeVersion, log, false);
  }

  /**
   * The same run, told to recompute from the whole silver history what it would otherwise derive
   * from an earlier date's results ({@code --full}: after a changed rule or a repaired history).
   */
  public RunContext full() {
    return new RunContext(businessDate, config, warehouse, runId, codeVersion, log, true);
  }

  /** Whether this run recomputes from the whole history ({@link #full()}). */
  public boolean isFull() {
    return full;
  }

  public LocalDate businessDate() {
    return businessDate;
  }

  /** The whole configuration: for building stages and commands, never read by a stage's run. */
  public PipelineConfig config() {
    return config;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public String runId() {
    return runId;
  }

  public String codeVersion() {
    return codeVersion;
  }

  /** The run log, for the runner and for commands outside the nightly job (evaluate). */
  public RunLog log() {
    return log;
  }

  public SparkSession spark() {
    return warehouse.spark();
  }

  /**
   * Persists {@code rows} (memory and disk) until the running stage ends, when the runner
   * unpersists them whether it succeeded or not.
   */
  public Dataset<Row> persist(Dataset<Row> rows) {
    if (scope == null) {
      throw new IllegalStateException("a stage persists inside StageRunner.run");
    }
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    scope.cached.add(persisted);
    return persisted;
  }

  /**
   * Unpersists {@code rows}, cached by a helper of the running stage, when the stage ends; null is
   * nothing to release.
   */
  public void release(Dataset<Row> rows) {
    if (scope == null) {
      throw new IllegalStateException("a stage releases inside StageRunner.run");
    }
    if (rows != null) {
      scope.cached.add(rows);
    }
  }

  /**
   * Runs one part of a stage that {@link Stage#reportsParts() reports in parts}, as the runner runs
   * a stage: a {@code pipeline_runs} row of stage {@code row} with the part's status, counts and
   * message (or failed), and the line {@code label status message}.
   */
  public <R extends StageResult> R part(String row, String label, Supplier<R> work) {
    if (scope == null) {
      throw new IllegalStateException("a stage's part runs inside StageRunner.run: " + row);
    }
    return scope.runner.logged(this, row, label, work);
  }

  /** Opens the scope of the stage the runner is about to run. */
  Scope open(StageRunner runner) {
    scope = new Scope(runner);
    return scope;
  }

  /** The running stage's runner and its cached datasets. */
  final class Scope implements AutoCloseable {
    private final StageRunner runner;
    private final List<Dataset<Row>> cached = new ArrayList<>();

    private Scope(StageRunner runner) {
      this.runner = runner;
    }

    @Override
    public void close() {
      cached.forEach(Dataset::unpersist);
      scope = null;
    }
  }
}
