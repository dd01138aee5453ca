package com.crmanalytics.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_add;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.year;

import com.crmanalytics.config.ExtractSettings;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Casts extract text to a contract type with the source's formats. A two-digit year ({@code yy}),
 * which Spark reads as 20yy, is moved into the century window of {@code two-digit-year-base} (by
 * default the hundred years ending with the business date's year). A text that cannot be read gives
 * null; the caller turns that into a quarantine reason.
 */
final class Parsing {
  private final ExtractSettings settings;

  /** First year of the window two-digit years fall in. */
  private final int base;

  Parsing(ExtractSettings settings, LocalDate businessDate) {
    this.settings = settings;
    this.base = settings.twoDigitYearBase().orElse(businessDate.getYear() - 99);
  }

  Column parse(Column text, DataType type) {
    if (type instanceof StringType) {
      return text;
    }
    if (type instanceof TimestampType) {
      return datetime(text, settings.timestampFormats(), DataTypes.TimestampType);
    }
    if (type instanceof DateType) {
      return datetime(text, settings.dateFormats(), DataTypes.DateType);
    }
    // try_cast: "1,234.50", "NaN", "Infinity", "1e309" give null (decimal and integer types hold no
    // non-finite value), and so unparseable_number.
    return text.try_cast(type);
  }

  private Column datetime(Column text, List<String> formats, DataType type) {
    if (formats.isEmpty()) {
      return text.try_cast(type);
    }
    Column[] attempts =
        formats.stream()
            .map(
                f ->
                    twoDigitYear(f)
                        ? century(try_to_timestamp(text, lit(f)))
                        : try_to_timestamp(text, lit(f)))
            .map(ts -> type instanceof DateType ? to_date(ts) : ts)
            .toArray(Column[]::new);
    return attempts.length == 1 ? attempts[0] : coalesce(attempts);
  }

  /** True for a pattern whose year has exactly two letters (yy, not y or yyyy). */
  static boolean twoDigitYear(String pattern) {
    String plain = pattern.replaceAll("'[^']*'", "");
    return plain.matches(".*(?<![yu])[yu]{2}(?![yu]).*");
  }

  /** Spark reads yy as 2000 + yy: move the year into [base, base + 99]. */
  private Column century(Column ts) {
    Column y = year(ts);
    Column target = lit(base).plus(pmod(y.minus(lit(base)), lit(100)));
    return timestamp_add("YEAR", target.minus(y), ts);
  }
}
