package com.crmanalytics.contract;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** Column types and row rules shared by the contracts. */
final class Rules {
  /** Money is decimal(18,2) everywhere. */
  static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

  static final DataType STRING = DataTypes.StringType;
  static final DataType INT = DataTypes.IntegerType;
  static final DataType LONG = DataTypes.LongType;
  static final DataType DOUBLE = DataTypes.DoubleType;
  static final DataType BOOLEAN = DataTypes.BooleanType;
  static final DataType DATE = DataTypes.DateType;
  static final DataType TIMESTAMP = DataTypes.TimestampType;

  /** A list of texts without nulls, e.g. the products of an association rule. */
  static final DataType STRINGS = DataTypes.createArrayType(STRING, false);

  private Rules() {}

  /** Rows whose column is below zero fail with the given code. */
  static Check belowZero(ReasonCode code, String column) {
    return new Check(
        code,
        col(column).lt(0),
        concat(lit(column + ": "), col(column).cast("string"), lit(" is below zero")));
  }

  /**
   * Like {@link #belowZero(ReasonCode, String)}, except on rows where {@code allowed} holds
   * (returns).
   */
  static Check belowZero(ReasonCode code, String column, Column allowed) {
    Check plain = belowZero(code, column);
    return new Check(
        code, plain.failsWhen().and(not(coalesce(allowed, lit(false)))), plain.reason());
  }

  /** Rows whose column lies outside [low, high] fail with {@code invalid_value}. */
  static Check outside(String column, int low, int high) {
    return new Check(
        ReasonCode.INVALID_VALUE,
        col(column).lt(low).or(col(column).gt(high)),
        concat(
            lit(column + ": "),
            col(column).cast("string"),
            lit(" is outside " + low + ".." + high)));
  }
}
