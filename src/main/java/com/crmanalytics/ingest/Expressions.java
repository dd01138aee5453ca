package com.crmanalytics.ingest;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.config.ExtractSettings.ColumnExpression;
import com.crmanalytics.error.Errors;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Checks a source's column expressions before anything is read: each must resolve over the
 * extract's columns (read as text) — an unknown function, a misspelt column or a type error stops
 * the run with exit 2, naming the key and the expression.
 */
final class Expressions {
  private Expressions() {}

  static void check(SparkSession spark, ExtractSettings settings) {
    if (settings.expressions().isEmpty()) {
      return;
    }
    List<String> columns = settings.wantedColumns(settings.source().table().valueColumns());
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    Dataset<Row> empty =
        spark
            .createDataFrame(List.<Row>of(RowFactory.create(new Object[columns.size()])), schema)
            .limit(0);
    for (Map.Entry<String, ColumnExpression> e : settings.expressions().entrySet()) {
      try {
        empty.select(functions.expr(e.getValue().sql())).schema();
      } catch (Exception ex) { // AnalysisException is checked
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        int nl = message.indexOf('\n');
        throw Errors.badConfig(
            "extracts." + settings.source().id() + ".expressions." + e.getKey(),
            e.getValue().sql(),
            "an expression Spark can compute over the extract's columns "
                + columns
                + " ("
                + (nl < 0 ? message : message.substring(0, nl)).strip()
                + ")");
      }
    }
  }
}
