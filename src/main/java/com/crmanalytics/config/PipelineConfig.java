package com.crmanalytics.config;

import com.crmanalytics.contract.Source;
import java.util.Map;

/**
 * The validated configuration of one run, parsed once by {@link ConfigLoader}: one typed record per
 * section (each with its keys, defaults in {@code reference.conf}, and validation in its {@code
 * from(Config)}). Stages are built with the sections they need, never with the whole.
 */
public record PipelineConfig(
    PathsSettings paths,
    RunSettings run,
    QualitySettings quality,
    Map<Source, ExtractSettings> extracts,
    Map<String, String> spark,
    RfmSettings rfm,
    PyramidSettings pyramid,
    ClvSettings clv,
    ChurnSettings churn,
    ReportSettings report,
    ProductSettings product,
    MaintenanceSettings maintenance,
    PrivacySettings privacy,
    ServeSettings serve,
    String hash) {

  public ExtractSettings extract(Source source) {
    return extracts.get(source);
  }
}
