package com.crmanalytics.serve;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark results as Arrow: the common column types map one to one (timestamps as UTC microseconds,
 * decimals at their precision); arrays, maps and structs travel as Spark's string form of them.
 * Column comments become the Flight SQL column metadata {@code ARROW:FLIGHT:SQL:REMARKS}.
 */
final class ArrowResults {
  static final String REMARKS = "ARROW:FLIGHT:SQL:REMARKS";

  private ArrowResults() {}

  /** Complex columns cast to string, so that every column has a type {@link #arrowType} maps. */
  static Dataset<Row> flatten(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      Column c = col("`" + f.name().replace("`", "``") + "`");
      columns.add(arrowType(f.dataType()) == null ? c.cast("string").as(f.name()) : c);
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /**
   * The Arrow schema of a (flattened) Spark schema; {@code table} names the columns' table in their
   * metadata.
   */
  static Schema schema(StructType spark, String table) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : spark.fields()) {
      ArrowType type = arrowType(f.dataType());
      FlightSqlColumnMetadata.Builder meta =
          new FlightSqlColumnMetadata.Builder()
              .typeName(f.dataType().sql())
              .isReadOnly(true)
              .isSearchable(true);
      if (table != null) {
        meta.tableName(table);
      }
      Map<String, String> metadata = new HashMap<>(meta.build().getMetadataMap());
      if (f.getComment().isDefined()) {
        metadata.put(REMARKS, f.getComment().get());
      }
      fields.add(
          new Field(
              f.name(),
              new FieldType(true, type == null ? ArrowType.Utf8.INSTANCE : type, null, metadata),
              null));
    }
    return new Schema(fields);
  }

  static ArrowType arrowType(DataType t) {
    if (t instanceof StringType) {
      return ArrowType.Utf8.INSTANCE;
    } else if (t instanceof BooleanType) {
      return ArrowType.Bool.INSTANCE;
    } else if (t instanceof ByteType) {
      return new ArrowType.Int(8, true);
    } else if (t instanceof ShortType) {
      return new ArrowType.Int(16, true);
    } else if (t instanceof IntegerType) {
      return new ArrowType.Int(32, true);
    } else if (t instanceof LongType) {
      return new ArrowType.Int(64, true);
    } else if (t instanceof FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    } else if (t instanceof DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    } else if (t instanceof DecimalType d) {
      return new ArrowType.Decimal(d.precision(), d.scale(), 128);
    } else if (t instanceof DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    } else if (t instanceof TimestampType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
    } else if (t instanceof TimestampNTZType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    } else if (t instanceof BinaryType) {
      return ArrowType.Binary.INSTANCE;
    }
    return null;
  }

  /** Puts rows {@code from} (inclusive) to {@code to} (exclusive) into the root's vectors. */
  static void fill(VectorSchemaRoot root, List<Row> rows, int from, int to) {
    root.allocateNew();
    for (int c = 0; c < root.getFieldVectors().size(); c++) {
      FieldVector v = root.getVector(c);
      for (int i = from; i < to; i++) {
        Row r = rows.get(i);
        int at = i - from;
        if (r.isNullAt(c)) {
          v.setNull(at);
        } else {
          set(v, at, r.get(c));
        }
      }
      v.setValueCount(to - from);
    }
    root.setRowCount(to - from);
  }

  private static void set(FieldVector v, int i, Object value) {
    if (v instanceof VarCharVector s) {
      s.setSafe(i, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof BitVector b) {
      b.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (v instanceof TinyIntVector b) {
      b.setSafe(i, (Byte) value);
    } else if (v instanceof SmallIntVector s) {
      s.setSafe(i, (Short) value);
    } else if (v instanceof IntVector n) {
      n.setSafe(i, (Integer) value);
    } else if (v instanceof BigIntVector n) {
      n.setSafe(i, (Long) value);
    } else if (v instanceof Float4Vector f) {
      f.setSafe(i, (Float) value);
    } else if (v instanceof Float8Vector f) {
      f.setSafe(i, (Double) value);
    } else if (v instanceof DecimalVector d) {
      d.setSafe(i, ((BigDecimal) value).setScale(d.getScale(), RoundingMode.UNNECESSARY));
    } else if (v instanceof DateDayVector d) {
      LocalDate day = value instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) value;
      d.setSafe(i, (int) day.toEpochDay());
    } else if (v instanceof TimeStampMicroTZVector t) {
      java.time.Instant at =
          value instanceof java.sql.Timestamp ts ? ts.toInstant() : (java.time.Instant) value;
      t.setSafe(i, at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
    } else if (v instanceof TimeStampMicroVector t) {
      java.time.Instant at = ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
      t.setSafe(i, at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
    } else if (v instanceof VarBinaryVector b) {
      b.setSafe(i, (byte[]) value);
    } else {
      throw new IllegalStateException("no Arrow conversion for " + v.getClass().getSimpleName());
    }
  }
}
