package com.crmanalytics.ingest;

import com.crmanalytics.contract.Source;
import com.crmanalytics.pipeline.RunLog.Counts;
import com.crmanalytics.pipeline.StageResult;
import java.util.Map;

/**
 * What ingest did with one source's extract. When it succeeded, {@code read = accepted +
 * quarantined + duplicate + anonymous}; when the quality gate refused it (status rejected) nothing
 * was written: accepted and anonymous are 0 and the message gives the number of valid rows held
 * back.
 *
 * @param accepted rows with a known customer inserted into or updating silver
 * @param duplicate exact copies within the extract, or rows silver already holds
 * @param anonymous rows without a known customer, kept in silver for sales totals
 * @param refusedFiles files not ingested because they cannot be read as their format (file → why)
 */
public record SourceResult(
    Source source,
    String status,
    long read,
    long accepted,
    long quarantined,
    long duplicate,
    long anonymous,
    String message,
    Map<String, String> refusedFiles)
    implements StageResult {

  public SourceResult(
      Source source,
      String status,
      long read,
      long accepted,
      long quarantined,
      long duplicate,
      String message) {
    this(source, status, read, accepted, quarantined, duplicate, 0, message, Map.of());
  }

  @Override
  public Counts counts() {
    return new Counts(read, accepted, quarantined, duplicate, anonymous);
  }

  /** Quarantined rows over the rows read that have a customer: anonymous rows are not errors. */
  public double rejectRatio() {
    long judged = read - anonymous;
    return judged <= 0 ? 0 : (double) quarantined / judged;
  }
}
