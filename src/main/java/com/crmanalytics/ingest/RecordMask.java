package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.sql.PersonalMask;
import org.apache.spark.sql.Column;

/**
 * The quarantine's copy of a refused record without its personal data: each personal value of the
 * row (as parsed) is replaced by the mask token wherever it appears in the record, as written or
 * escaped the csv or JSON way; a line that could not be split into fields is withheld whole, since
 * its personal values cannot be told apart. File, line and reason stay, so the row can be found and
 * fixed at the source.
 */
final class RecordMask {
  static final String WITHHELD =
      "[withheld: a line of a source with personal data that could not be split into fields; see source_file and line_number]";

  private RecordMask() {}

  /**
   * The masked {@code raw_record} of rows that carry the contract's parsed columns and reason code.
   */
  static Column rawRecord(TableContract table) {
    Column raw = col(Quarantine.RAW_RECORD);
    if (table.personalColumns().isEmpty()) {
      return raw;
    }
    Column token = lit(PersonalMask.TOKEN);
    for (String personal : table.personalColumns()) {
      Column value = col(personal);
      Column csvQuoted = replace(value, lit("\""), lit("\"\""));
      Column jsonEscaped = replace(replace(value, lit("\\"), lit("\\\\")), lit("\""), lit("\\\""));
      Column masked =
          replace(replace(replace(raw, value, token), csvQuoted, token), jsonEscaped, token);
      raw = when(value.isNull().or(value.equalTo("")), raw).otherwise(masked);
    }
    return when(
            col(Quarantine.REASON_CODE).equalTo(ReasonCode.MALFORMED_LINE.code()), lit(WITHHELD))
        .otherwise(raw);
  }
}
