package com.crmanalytics.ingest;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.contract.Source;
import java.util.Map;

/**
 * What the ingest stage reads of the configuration.
 *
 * @param landing {@code paths.landing}: the folder of the dated extract folders
 * @param extracts {@code extracts.<source>}: how each source's files are read and mapped
 * @param maxRejectRatio {@code quality.max-reject-ratio}: the quality gate
 */
public record IngestSettings(
    String landing, Map<Source, ExtractSettings> extracts, double maxRejectRatio) {
  public static IngestSettings from(PipelineConfig config) {
    return new IngestSettings(
        config.paths().landing(), config.extracts(), config.quality().maxRejectRatio());
  }

  ExtractSettings extract(Source source) {
    return extracts.get(source);
  }
}
