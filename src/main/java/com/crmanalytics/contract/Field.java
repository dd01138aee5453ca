package com.crmanalytics.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/** One column of a table contract: name, Spark type, whether a row needs it, and its description. */
public record Field(String name, DataType type, boolean required, String comment) {

  public StructField toStructField() {
    return new StructField(name, type, !required, Metadata.empty()).withComment(comment);
  }
}
