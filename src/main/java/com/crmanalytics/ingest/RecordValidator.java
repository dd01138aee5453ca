package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ExtractSettings;
import com.crmanalytics.contract.Check;
import com.crmanalytics.contract.Field;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.Quarantine;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.io.ExtractReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Maps raw extract records onto a contract and checks them: each contract column is read from its
 * extract column (trimmed) or computed by the profile's expression, ids are normalised, values
 * meaning "no customer" make the row anonymous, values are cast to the contract's types with the
 * configured formats, derived where the contract allows it, and the first rule a row breaks ({@link
 * Checks}) is recorded as {@code reason_code} and {@code reason} (null when valid). Built from
 * Spark column functions only.
 */
public final class RecordValidator {
  /**
   * Output column: true when the row's customer is unknown (a guest buyer, an unidentified caller).
   */
  public static final String ANONYMOUS = "anonymous";

  static final String RAW_SUFFIX = "__raw";
  static final String BAD_SUFFIX = "__bad";
  static final String PRESENT_SUFFIX = "__present";

  /** For an expression column: every extract column the expression reads has a value. */
  static final String INPUTS_SUFFIX = "__inputs";

  /** Prefix of the reader's own columns while the extract's columns carry their own names. */
  private static final String OWN = "_crm_";

  private static final String VERDICT = "_verdict";

  private RecordValidator() {}

  /**
   * @param raw rows of {@link ExtractReader#RAW_SCHEMA}, read with {@link
   *     ExtractSettings#wantedColumns}
   * @return source_file, line_number, raw_record, the contract's value columns, anonymous,
   *     reason_code, reason
   */
  public static Dataset<Row> validate(
      Dataset<Row> raw, ExtractSettings settings, TableContract table, LocalDate businessDate) {
    List<Field> fields = table.valueColumns().stream().map(table::field).toList();
    List<String> wanted = settings.wantedColumns(table.valueColumns());

    // The extract's columns under their own names, so expressions read them as the profile wrote
    // them.
    List<Column> view = new ArrayList<>();
    for (String c : OWN_COLUMNS) {
      view.add(col(c).as(OWN + c));
    }
    for (int i = 0; i < wanted.size(); i++) {
      view.add(try_element_at(col(ExtractReader.FIELDS), lit(i + 1)).as(wanted.get(i)));
    }
    Dataset<Row> extract = raw.select(view.toArray(Column[]::new));

    List<Column> mapped = new ArrayList<>(passThrough());
    List<String> typedByExpression = new ArrayList<>();
    for (Field f : fields) {
      Column text;
      if (settings.isExpression(f.name())) {
        Column value = expression(settings, f.name());
        DataType type = extract.select(value).schema().fields()[0].dataType();
        if (isTemporal(type) && isTemporal(f.type())) {
          typedByExpression.add(f.name());
          mapped.add(value.cast(f.type()).as(f.name() + "__typed"));
        }
        text = nullif(trim(value.cast("string")), lit(""));
        mapped.add(lit(true).as(f.name() + PRESENT_SUFFIX));
        Column inputs = lit(true);
        for (String c : settings.expressions().get(f.name()).columns()) {
          inputs = inputs.and(nullif(trim(col("`" + c + "`")), lit("")).isNotNull());
        }
        mapped.add(inputs.as(f.name() + INPUTS_SUFFIX));
      } else {
        Column element = extractValue(settings, f.name());
        text = nullif(trim(element), lit(""));
        mapped.add(element.isNotNull().as(f.name() + PRESENT_SUFFIX));
      }
      if (settings.normaliseIds() && f.name().endsWith("_id")) {
        text = regexp_replace(text, "^(-?[0-9]+)\\.0+$", "$1");
      }
      mapped.add(text.as(f.name() + RAW_SUFFIX));
    }
    Dataset<Row> rows =
        extract
            .select(mapped.toArray(Column[]::new))
            .withColumn(ANONYMOUS, anonymous(settings, table));
    if (table.hasColumn(Orders.CUSTOMER_ID)) {
      String customer = Orders.CUSTOMER_ID + RAW_SUFFIX;
      rows =
          rows.withColumn(
              customer, when(col(ANONYMOUS), lit(null).cast("string")).otherwise(col(customer)));
    }

    Parsing parsing = new Parsing(settings, businessDate);
    for (Field f : fields) {
      Column text = col(f.name() + RAW_SUFFIX);
      Column value =
          typedByExpression.contains(f.name())
              ? col(f.name() + "__typed")
              : parsing.parse(text, f.type());
      rows =
          rows.withColumn(f.name(), value)
              .withColumn(f.name() + BAD_SUFFIX, text.isNotNull().and(col(f.name()).isNull()));
    }
    // A derived value fills only a field the extract does not have (or, if the profile says so, an
    // empty amount): a value that could not be read is never replaced by a computed one.
    for (var d : table.derivations().entrySet()) {
      String c = d.getKey();
      if (c.equals(Orders.LINE_NO) && settings.deriveLineNumbers()) {
        continue; // numbered per order by the Deduplicator
      }
      Column fillable = col(c).isNull().and(not(col(c + BAD_SUFFIX)));
      if (!c.equals(Orders.LINE_NO)) {
        fillable =
            fillable.and(settings.amountWhenEmpty() ? lit(true) : not(col(c + PRESENT_SUFFIX)));
      }
      rows = rows.withColumn(c, when(fillable, d.getValue()).otherwise(col(c)));
    }

    Column verdict = null;
    for (Check c : Checks.all(table, fields, settings, businessDate)) {
      Column failed =
          struct(lit(c.code().code()).as("code"), c.reason().cast("string").as("reason"));
      Column condition = coalesce(c.failsWhen(), lit(false));
      verdict = verdict == null ? when(condition, failed) : verdict.when(condition, failed);
    }
    rows = rows.withColumn(VERDICT, verdict);

    List<Column> out = new ArrayList<>(passThroughOut());
    fields.forEach(f -> out.add(col(f.name())));
    out.add(col(ANONYMOUS));
    out.add(col(VERDICT + ".code").as(Quarantine.REASON_CODE));
    out.add(col(VERDICT + ".reason").as(Quarantine.REASON));
    return rows.select(out.toArray(Column[]::new));
  }

  private static Column not(Column c) {
    return org.apache.spark.sql.functions.not(c);
  }

  static boolean isTemporal(DataType type) {
    return type instanceof TimestampType || type instanceof DateType;
  }

  /** The profile's expression, evaluated over the extract's columns under their own names. */
  static Column expression(ExtractSettings settings, String contractColumn) {
    return expr(settings.expressions().get(contractColumn).sql());
  }

  /**
   * True where customer_id holds one of the profile's "no customer" values ("" = empty or absent).
   */
  private static Column anonymous(ExtractSettings settings, TableContract table) {
    List<String> values = settings.anonymousCustomers();
    if (values.isEmpty() || !table.hasColumn(Orders.CUSTOMER_ID)) {
      return lit(false);
    }
    Column id = col(Orders.CUSTOMER_ID + RAW_SUFFIX);
    Column anonymous = lit(false);
    if (values.contains("")) {
      anonymous = id.isNull();
    }
    List<String> others = values.stream().filter(v -> !v.isEmpty()).toList();
    if (!others.isEmpty()) {
      anonymous = anonymous.or(coalesce(id.isin(others.toArray()), lit(false)));
    }
    return anonymous;
  }

  private static final List<String> OWN_COLUMNS =
      List.of(
          ExtractReader.SOURCE_FILE,
          ExtractReader.LINE_NUMBER,
          ExtractReader.RAW_RECORD,
          ExtractReader.PARSE_ERROR,
          ExtractReader.PARSE_CODE);

  private static List<Column> passThrough() {
    return OWN_COLUMNS.stream().map(c -> col(OWN + c).as(c)).toList();
  }

  private static List<Column> passThroughOut() {
    return List.of(
        col(ExtractReader.SOURCE_FILE),
        col(ExtractReader.LINE_NUMBER),
        col(ExtractReader.RAW_RECORD));
  }

  /** The text of the extract column a contract column is read from, untrimmed; null when absent. */
  private static Column extractValue(ExtractSettings settings, String contractColumn) {
    String from = settings.sourceColumn(contractColumn);
    if (from.equals(ExtractSettings.FILE_LINE)) {
      Column fileName = element_at(split(col(OWN + ExtractReader.SOURCE_FILE), "/"), -1);
      return concat(fileName, lit(":"), col(OWN + ExtractReader.LINE_NUMBER).cast("string"));
    }
    return col("`" + from + "`");
  }
}
