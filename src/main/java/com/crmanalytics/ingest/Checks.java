package com.crmanalytics.ingest;

import static com.crmanalytics.ingest.RecordValidator.BAD_SUFFIX;
import static com.crmanalytics.ingest.RecordValidator.INPUTS_SUFFIX;
import static com.crmanalytics.ingest.RecordValidator.RAW_SUFFIX;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.contract.Check;
import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.ExtractReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The rules a mapped row must pass, in the order they are reported: the first one it breaks is its
 * reason.
 */
final class Checks {
  /**
   * Control characters other than tab, line feed and carriage return (line breaks of quoted
   * fields).
   */
  private static final String CONTROL = "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]";

  private Checks() {}

  static List<Check> all(
      TableContract table, List<Field> fields, ExtractSettings settings, LocalDate businessDate) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            ReasonCode.MALFORMED_LINE,
            col(ExtractReader.PARSE_ERROR)
                .isNotNull()
                .and(col(ExtractReader.PARSE_CODE).equalTo(ReasonCode.MALFORMED_LINE.code())),
            col(ExtractReader.PARSE_ERROR)));
    checks.add(
        new Check(
            ReasonCode.HEADER_REPEATED,
            col(ExtractReader.PARSE_ERROR)
                .isNotNull()
                .and(col(ExtractReader.PARSE_CODE).equalTo(ReasonCode.HEADER_REPEATED.code())),
            col(ExtractReader.PARSE_ERROR)));
    for (Field f : fields) {
      Column text = col(f.name() + RAW_SUFFIX);
      checks.add(
          new Check(
              ReasonCode.CONTROL_CHARACTER,
              text.rlike(CONTROL),
              lit(
                  f.name()
                      + mappedFrom(settings, f.name())
                      + ": holds a control character (such as NUL)")));
    }
    for (Field f : fields) {
      Column text = col(f.name() + RAW_SUFFIX);
      checks.add(
          new Check(
              ReasonCode.FIELD_TOO_LONG,
              length(text).gt(settings.maxFieldLength()),
              concat(
                  lit(f.name() + mappedFrom(settings, f.name()) + ": "),
                  length(text).cast("string"),
                  lit(" characters, more than max-field-length " + settings.maxFieldLength()))));
    }
    for (Field f : fields) {
      // An optional column may legitimately be empty (a CASE without ELSE); a required one may not.
      if (settings.isExpression(f.name()) && f.required()) {
        checks.add(
            new Check(
                ReasonCode.EXPRESSION_FAILED,
                col(f.name() + INPUTS_SUFFIX).and(col(f.name() + RAW_SUFFIX).isNull()),
                lit(
                    f.name()
                        + ": expression '"
                        + settings.expressions().get(f.name()).sql()
                        + "' gave no value for this row")));
      }
    }
    for (Field f : fields) {
      if (f.type() instanceof StringType) {
        continue;
      }
      Column text = col(f.name() + RAW_SUFFIX);
      checks.add(
          new Check(parseFailure(f), col(f.name() + BAD_SUFFIX), parseReason(f, text, settings)));
    }
    for (Field f : fields) {
      if (f.required()) {
        Column missing = col(f.name()).isNull();
        if (f.name().equals(Orders.CUSTOMER_ID)) {
          missing = missing.and(not(col(RecordValidator.ANONYMOUS)));
        }
        checks.add(
            new Check(
                ReasonCode.MISSING_REQUIRED,
                missing,
                lit(f.name() + ": required value is missing" + mappedFrom(settings, f.name()))));
      }
    }
    checks.addAll(table.checks());
    for (Field f : fields) {
      if (RecordValidator.isTemporal(f.type())) {
        checks.add(
            new Check(
                ReasonCode.DATE_BEFORE_FLOOR,
                to_date(col(f.name())).lt(lit(settings.minDate())),
                concat(
                    lit(f.name() + ": "),
                    col(f.name()).cast("string"),
                    lit(" is before min-date " + settings.minDate()))));
      }
    }
    table
        .eventColumn()
        .ifPresent(
            event ->
                checks.add(
                    new Check(
                        ReasonCode.DATE_AFTER_BUSINESS_DATE,
                        to_date(col(event)).gt(lit(businessDate)),
                        concat(
                            lit(event + ": "),
                            col(event).cast("string"),
                            lit(" is after the business date " + businessDate)))));
    return checks;
  }

  private static ReasonCode parseFailure(Field f) {
    if (f.type() instanceof TimestampType || f.type() instanceof DateType) {
      return ReasonCode.UNPARSEABLE_DATE;
    }
    return f.type() instanceof BooleanType
        ? ReasonCode.INVALID_VALUE
        : ReasonCode.UNPARSEABLE_NUMBER;
  }

  private static Column parseReason(Field f, Column text, ExtractSettings settings) {
    String expected;
    if (f.type() instanceof TimestampType || f.type() instanceof DateType) {
      List<String> formats =
          f.type() instanceof DateType ? settings.dateFormats() : settings.timestampFormats();
      expected =
          formats.isEmpty()
              ? "an ISO 8601 date or timestamp"
              : "a date in " + String.join(" or ", formats);
    } else if (f.type() instanceof BooleanType) {
      expected = "true or false";
    } else {
      expected = "a number (" + f.type().simpleString() + ")";
    }
    return concat(
        lit(f.name() + mappedFrom(settings, f.name()) + ": '"), text, lit("' is not " + expected));
  }

  static String mappedFrom(ExtractSettings settings, String column) {
    if (settings.isExpression(column)) {
      return " (from expression " + settings.expressions().get(column).sql() + ")";
    }
    String from = settings.sourceColumn(column);
    return from.equals(column) ? "" : " (from " + from + ")";
  }
}
