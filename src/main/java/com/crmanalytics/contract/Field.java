package com.crmanalytics.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a table contract: name, Spark type, whether a row needs it, and its description.
 * {@code nullable}: the stored column may hold null even though the column is required of input
 * rows (customer_id of an anonymous row: a guest buyer, an unidentified caller).
 */
public record Field(
    String name, DataType type, boolean required, String comment, boolean nullable) {

  public Field(String name, DataType type, boolean required, String comment) {
    this(name, type, required, comment, !required);
  }

  public StructField toStructField() {
    return new StructField(name, type, nullable, Metadata.empty()).withComment(comment);
  }
}
