package com.crmanalytics.ingest;

import com.crmanalytics.contract.Source;

/**
 * What ingest did with one source's extract. Always {@code read = accepted + quarantined + duplicate}.
 *
 * @param accepted rows inserted into or updating silver (for a rejected source: valid rows held back)
 * @param duplicate exact copies within the extract, or rows silver already holds
 */
public record SourceResult(
    Source source, String status, long read, long accepted, long quarantined, long duplicate, String message) {

  public double rejectRatio() {
    return read == 0 ? 0 : (double) quarantined / read;
  }
}
