package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ExtractSettings.IdenticalLines;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.ExtractReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Decides the fate of every validated row of one extract, in column {@code outcome}: {@code
 * accepted} (goes on to the MERGE), {@code anonymous} (valid, without a known customer: also
 * merged, counted apart), {@code duplicate} (an exact copy of an earlier line of the same extract)
 * or {@code quarantined} (broke a rule, or shares its key with a different row of the same
 * extract). Orders without line numbers get them here ({@code derive-line-numbers}): the lines of
 * each order are numbered in file order, after exact copies are set aside unless identical lines
 * are distinct.
 */
public final class Deduplicator {
  public static final String OUTCOME = "outcome";
  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATE = "duplicate";
  public static final String QUARANTINED = "quarantined";
  public static final String ANONYMOUS = "anonymous";

  private static final String VALID = "_valid";
  private static final String COPY = "_copy";
  private static final String VERSIONS = "_versions";
  private static final String LINES = "_lines";

  private Deduplicator() {}

  public static Dataset<Row> classify(Dataset<Row> validated, TableContract table) {
    return classify(validated, table, false, IdenticalLines.DUPLICATE);
  }

  /**
   * @param deriveLineNumbers number the lines of each order (orders only; line_no is null on input)
   * @param identical with derived line numbers: whether a repeated identical line is a duplicate
   */
  public static Dataset<Row> classify(
      Dataset<Row> validated,
      TableContract table,
      boolean deriveLineNumbers,
      IdenticalLines identical) {
    List<Column> values = new ArrayList<>(List.of(col(VALID)));
    table.valueColumns().stream()
        .filter(c -> !(deriveLineNumbers && c.equals(Orders.LINE_NO)))
        .forEach(c -> values.add(col(c)));
    List<Column> keys = new ArrayList<>(List.of(col(VALID)));
    table.key().forEach(k -> keys.add(col(k)));
    Column order = col(ExtractReader.SOURCE_FILE);
    Column line = col(ExtractReader.LINE_NUMBER);

    WindowSpec sameValues = Window.partitionBy(values.toArray(Column[]::new)).orderBy(order, line);
    WindowSpec sameKey = Window.partitionBy(keys.toArray(Column[]::new));
    Column firstCopy = col(COPY).equalTo(1);
    Column where =
        concat(
            col(ExtractReader.SOURCE_FILE),
            lit(":"),
            col(ExtractReader.LINE_NUMBER).cast("string"));

    // One shuffle serves every window: each partitions by the key's first column (and VALID) or a
    // superset.
    Column[] shuffle =
        deriveLineNumbers
            ? new Column[] {col(VALID), col(Orders.ORDER_ID)}
            : keys.toArray(Column[]::new);
    Dataset<Row> ranked =
        validated.withColumn(VALID, col(Quarantine.REASON_CODE).isNull()).repartition(shuffle);
    ranked =
        deriveLineNumbers && identical == IdenticalLines.DISTINCT
            ? ranked.withColumn(COPY, lit(1))
            : ranked.withColumn(COPY, row_number().over(sameValues));
    if (deriveLineNumbers) {
      WindowSpec orderLines =
          Window.partitionBy(col(VALID), firstCopy, col(Orders.ORDER_ID)).orderBy(order, line);
      ranked =
          ranked.withColumn(
              Orders.LINE_NO, when(col(VALID).and(firstCopy), row_number().over(orderLines)));
    }
    ranked =
        ranked
            .withColumn(VERSIONS, sum(when(firstCopy, 1).otherwise(0)).over(sameKey))
            .withColumn(LINES, collect_list(when(firstCopy, where)).over(sameKey));

    Column valid = col(VALID);
    Column conflict = valid.and(firstCopy).and(col(VERSIONS).gt(1));
    String keyText = String.join(", ", table.key());
    return ranked
        .withColumn(
            OUTCOME,
            when(not(valid), lit(QUARANTINED))
                .when(not(firstCopy), lit(DUPLICATE))
                .when(conflict, lit(QUARANTINED))
                .when(col(RecordValidator.ANONYMOUS), lit(ANONYMOUS))
                .otherwise(lit(ACCEPTED)))
        .withColumn(
            Quarantine.REASON_CODE,
            when(conflict, lit(ReasonCode.CONFLICTING_DUPLICATE_KEY.code()))
                .otherwise(col(Quarantine.REASON_CODE)))
        .withColumn(
            Quarantine.REASON,
            when(
                    conflict,
                    concat(
                        lit("key (" + keyText + ") = ("),
                        concat_ws(
                            ", ",
                            table.key().stream()
                                .map(k -> col(k).cast("string"))
                                .toArray(Column[]::new)),
                        lit(") has different values on lines "),
                        array_join(array_sort(col(LINES)), ", ")))
                .otherwise(col(Quarantine.REASON)))
        .drop(VALID, COPY, VERSIONS, LINES);
  }
}
