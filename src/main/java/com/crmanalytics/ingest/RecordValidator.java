package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.contract.Check;
import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.ReasonCode;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.ExtractReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Maps raw extract records onto a contract and checks them: each extract column is trimmed, cast to
 * the contract's type with the configured formats, derived where the contract says so, and the
 * first rule a row breaks is recorded as {@code reason_code} and {@code reason} (null when valid).
 * Built from Spark column functions only.
 */
public final class RecordValidator {
  private static final String RAW_SUFFIX = "__raw";
  private static final String VERDICT = "_verdict";

  private RecordValidator() {}

  /**
   * @param raw rows of {@link ExtractReader#RAW_SCHEMA}, read with {@link ExtractSettings#wantedColumns}
   * @return source_file, line_number, raw_record, the contract's value columns, reason_code, reason
   */
  public static Dataset<Row> validate(
      Dataset<Row> raw, ExtractSettings settings, TableContract table, LocalDate businessDate) {
    List<Field> fields =
        table.valueColumns().stream().map(table::field).toList();

    List<String> wanted = settings.wantedColumns(table.valueColumns());
    List<Column> rawColumns = new ArrayList<>(passThrough());
    rawColumns.add(col(ExtractReader.PARSE_ERROR));
    for (Field f : fields) {
      rawColumns.add(extractValue(settings, wanted, f.name()).as(f.name() + RAW_SUFFIX));
    }
    Dataset<Row> mapped = raw.select(rawColumns.toArray(Column[]::new));

    List<Column> typed = new ArrayList<>(passThrough());
    typed.add(col(ExtractReader.PARSE_ERROR));
    for (Field f : fields) {
      typed.add(col(f.name() + RAW_SUFFIX));
      typed.add(parse(col(f.name() + RAW_SUFFIX), f.type(), settings).as(f.name()));
    }
    Dataset<Row> parsed = mapped.select(typed.toArray(Column[]::new));
    for (var d : table.derivations().entrySet()) {
      parsed = parsed.withColumn(d.getKey(), d.getValue());
    }

    // One flat CASE WHEN: the first check a row breaks gives its code and reason.
    Column verdict = null;
    for (Check c : checks(table, fields, settings, businessDate)) {
      Column failed = struct(lit(c.code().code()).as("code"), c.reason().cast("string").as("reason"));
      Column condition = coalesce(c.failsWhen(), lit(false));
      verdict = verdict == null ? when(condition, failed) : verdict.when(condition, failed);
    }
    parsed = parsed.withColumn(VERDICT, verdict);

    List<Column> out = new ArrayList<>(passThrough());
    fields.forEach(f -> out.add(col(f.name())));
    out.add(col(VERDICT + ".code").as(Quarantine.REASON_CODE));
    out.add(col(VERDICT + ".reason").as(Quarantine.REASON));
    return parsed.select(out.toArray(Column[]::new));
  }

  private static List<Column> passThrough() {
    return List.of(
        col(ExtractReader.SOURCE_FILE), col(ExtractReader.LINE_NUMBER), col(ExtractReader.RAW_RECORD));
  }

  /** The text of the extract column a contract column is read from; blank becomes null. */
  private static Column extractValue(ExtractSettings settings, List<String> wanted, String contractColumn) {
    String from = settings.sourceColumn(contractColumn);
    if (from.equals(ExtractSettings.FILE_LINE)) {
      Column fileName = element_at(split(col(ExtractReader.SOURCE_FILE), "/"), -1);
      return concat(fileName, lit(":"), col(ExtractReader.LINE_NUMBER).cast("string"));
    }
    return nullif(trim(try_element_at(col(ExtractReader.FIELDS), lit(wanted.indexOf(from) + 1))), lit(""));
  }

  private static Column parse(Column text, DataType type, ExtractSettings settings) {
    if (type instanceof StringType) {
      return text;
    }
    if (type instanceof TimestampType) {
      return datetime(text, settings.timestampFormats(), DataTypes.TimestampType);
    }
    if (type instanceof DateType) {
      return datetime(text, settings.dateFormats(), DataTypes.DateType);
    }
    return text.try_cast(type);
  }

  private static Column datetime(Column text, List<String> formats, DataType type) {
    if (formats.isEmpty()) {
      return text.try_cast(type);
    }
    Column[] attempts =
        formats.stream()
            .map(f -> try_to_timestamp(text, lit(f)))
            .map(ts -> type instanceof DateType ? to_date(ts) : ts)
            .toArray(Column[]::new);
    return attempts.length == 1 ? attempts[0] : coalesce(attempts);
  }

  /** The rules in the order they are reported: the first one a row breaks is its reason. */
  private static List<Check> checks(
      TableContract table, List<Field> fields, ExtractSettings settings, LocalDate businessDate) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            ReasonCode.MALFORMED_LINE,
            col(ExtractReader.PARSE_ERROR).isNotNull(),
            col(ExtractReader.PARSE_ERROR)));
    for (Field f : fields) {
      if (f.type() instanceof StringType) {
        continue;
      }
      Column text = col(f.name() + RAW_SUFFIX);
      Column unparsed = text.isNotNull().and(col(f.name()).isNull());
      checks.add(new Check(parseFailure(f.type()), unparsed, parseReason(f, text, settings)));
    }
    for (Field f : fields) {
      if (f.required()) {
        checks.add(
            new Check(
                ReasonCode.MISSING_REQUIRED,
                col(f.name()).isNull(),
                lit(f.name() + ": required value is missing" + mappedFrom(settings, f.name()))));
      }
    }
    checks.addAll(table.checks());
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

  private static ReasonCode parseFailure(DataType type) {
    if (type instanceof TimestampType || type instanceof DateType) {
      return ReasonCode.UNPARSEABLE_DATE;
    }
    return type instanceof BooleanType ? ReasonCode.INVALID_VALUE : ReasonCode.UNPARSEABLE_NUMBER;
  }

  private static Column parseReason(Field f, Column text, ExtractSettings settings) {
    String expected;
    if (f.type() instanceof TimestampType || f.type() instanceof DateType) {
      List<String> formats =
          f.type() instanceof DateType ? settings.dateFormats() : settings.timestampFormats();
      expected = formats.isEmpty() ? "an ISO 8601 date or timestamp" : "a date in " + String.join(" or ", formats);
    } else if (f.type() instanceof BooleanType) {
      expected = "true or false";
    } else {
      expected = "a number (" + f.type().simpleString() + ")";
    }
    return concat(lit(f.name() + mappedFrom(settings, f.name()) + ": '"), text, lit("' is not " + expected));
  }

  private static String mappedFrom(ExtractSettings settings, String column) {
    String from = settings.sourceColumn(column);
    return from.equals(column) ? "" : " (from " + from + ")";
  }
}
