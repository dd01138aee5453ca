package com.crmanalytics.generate;

/** File formats {@code crm generate} can write; the same three ingest reads. */
public enum ExtractFormat {
  csv("csv"),
  jsonl("jsonl"),
  parquet("parquet");

  private final String extension;

  ExtractFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
