package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.string;

import com.typesafe.config.Config;

/**
 * The {@code paths} section: where the extracts land, where the tables are kept and where the HTML
 * reports go (by default {@code <warehouse>/reports}, in {@code reference.conf}). Local paths or
 * Hadoop URIs (hdfs://, s3a://, abfss://).
 */
public record PathsSettings(String landing, String warehouse, String reports) {
  /** Reads the section (exit 2 naming a missing key). */
  public static PathsSettings from(Config c) {
    return new PathsSettings(
        string(c, "paths.landing"), string(c, "paths.warehouse"), string(c, "paths.reports"));
  }
}
