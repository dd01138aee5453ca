package com.crmanalytics.contract;

import static com.crmanalytics.contract.Rules.DATE;
import static com.crmanalytics.contract.Rules.LONG;
import static com.crmanalytics.contract.Rules.STRING;
import static com.crmanalytics.contract.Rules.TIMESTAMP;

/**
 * Operational table {@code pipeline_runs}: one row per stage (and per source for ingest) per run.
 */
public final class PipelineRuns {
  public static final String RUN_ID = "run_id";
  public static final String BUSINESS_DATE = "business_date";
  public static final String STAGE = "stage";
  public static final String STATUS = "status";
  public static final String STARTED_AT = "started_at";
  public static final String FINISHED_AT = "finished_at";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_ACCEPTED = "rows_accepted";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String ROWS_DUPLICATE = "rows_duplicate";
  public static final String ROWS_ANONYMOUS = "rows_anonymous";
  public static final String MESSAGE = "message";
  public static final String CODE_VERSION = "code_version";
  public static final String CONFIG_HASH = "config_hash";

  /** Values of {@link #STATUS}. */
  public static final String SUCCEEDED = "succeeded";

  public static final String FAILED = "failed";
  public static final String REJECTED = "rejected";
  public static final String SKIPPED = "skipped";

  /**
   * {@link #STAGE} of the row {@code crm run} (and each date of {@code crm backfill}) writes after
   * its last stage: succeeded when every stage finished, failed with the error otherwise.
   */
  public static final String RUN_STAGE = "run";

  public static final TableContract CONTRACT =
      TableContract.builder(
              "pipeline_runs", "Run log: one row per stage (per source for ingest) per run")
          .required(
              RUN_ID, STRING, "Run identifier (business date, start time and a random suffix)")
          .required(BUSINESS_DATE, DATE, "Business date the run was for")
          .required(STAGE, STRING, "Stage, e.g. ingest:orders; 'run' marks the end of a whole run")
          .required(STATUS, STRING, "succeeded, failed, rejected (quality gate) or skipped")
          .required(STARTED_AT, TIMESTAMP, "When the stage started")
          .required(FINISHED_AT, TIMESTAMP, "When the stage ended")
          .optional(ROWS_READ, LONG, "Input rows read")
          .optional(
              ROWS_ACCEPTED,
              LONG,
              "Rows with a known customer inserted into or updating silver; 0 when the"
                  + " quality gate refused the source (nothing was written; the message gives the valid count)")
          .optional(ROWS_QUARANTINED, LONG, "Rows sent to quarantine")
          .optional(
              ROWS_DUPLICATE,
              LONG,
              "Exact duplicates (within the extract or of silver), not inserted again")
          .optional(MESSAGE, STRING, "What happened, in one line")
          .optional(CODE_VERSION, STRING, "Version of crm-analytics that ran")
          .optional(CONFIG_HASH, STRING, "SHA-256 of the effective configuration (paths.* aside)")
          .optional(
              ROWS_ANONYMOUS,
              LONG,
              "Rows without a known customer (guest buyers, unidentified callers):"
                  + " kept in silver for sales totals, left out of per-customer analytics;"
                  + " rows_read = rows_accepted + rows_quarantined + rows_duplicate + rows_anonymous")
          .build();

  private PipelineRuns() {}
}
