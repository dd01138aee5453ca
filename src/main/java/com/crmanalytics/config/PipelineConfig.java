package com.crmanalytics.config;

import com.crmanalytics.contract.Source;
import com.typesafe.config.Config;
import java.time.ZoneId;
import java.util.Map;

/**
 * The validated configuration of one run. Stages take the section they need; {@link #raw()} keeps
 * the merged HOCON tree for sections added later.
 */
public record PipelineConfig(
    String landing,
    String warehouse,
    String reports,
    ZoneId timezone,
    String currency,
    double maxRejectRatio,
    Map<Source, ExtractSettings> extracts,
    Map<String, String> spark,
    RfmSettings rfm,
    PyramidSettings pyramid,
    ModelTimeUnit clvTimeUnit,
    ClvSettings clv,
    ChurnSettings churn,
    ReportSettings report,
    ProductSettings product,
    String hash,
    Config raw) {

  public ExtractSettings extract(Source source) {
    return extracts.get(source);
  }
}
