package com.crmanalytics.serve;

import com.crmanalytics.sql.GuardedSql;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Row;

/**
 * The catalog calls of Flight SQL over the warehouse: one kind of table, no catalogs or schemas
 * (every table is read by its plain name), and each table's columns with their comments from the
 * contract.
 */
final class Catalog {
  static final String TABLE = "TABLE";
  private static final int BATCH = 4096;

  private final Supplier<GuardedSql> sql;
  private final BufferAllocator allocator;

  Catalog(Supplier<GuardedSql> sql, BufferAllocator allocator) {
    this.sql = sql;
    this.allocator = allocator;
  }

  void empty(Schema schema, ServerStreamListener listener) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      listener.start(root);
      root.setRowCount(0);
      listener.putNext();
      listener.completed();
    }
  }

  void tableTypes(ServerStreamListener listener) {
    try (VectorSchemaRoot root =
        VectorSchemaRoot.create(Schemas.GET_TABLE_TYPES_SCHEMA, allocator)) {
      listener.start(root);
      VarCharVector type = (VarCharVector) root.getVector("table_type");
      type.allocateNew();
      type.setSafe(0, WarehouseProducer.utf8(TABLE));
      type.setValueCount(1);
      root.setRowCount(1);
      listener.putNext();
      listener.completed();
    }
  }

  /**
   * The warehouse's tables matching the filter; with their Arrow schema (and column comments) when
   * asked.
   */
  void tables(FlightSql.CommandGetTables command, ServerStreamListener listener) {
    Pattern name =
        command.hasTableNameFilterPattern() ? like(command.getTableNameFilterPattern()) : null;
    boolean typeWanted =
        command.getTableTypesCount() == 0 || command.getTableTypesList().contains(TABLE);
    // A client asking for a catalog or schema by name asks for one this server does not have.
    boolean scoped =
        (command.hasCatalog() && !command.getCatalog().isEmpty())
            || (command.hasDbSchemaFilterPattern()
                && !like(command.getDbSchemaFilterPattern()).matcher("").matches());
    List<String> tables =
        sql.get().tables().stream()
            .filter(t -> typeWanted && !scoped && (name == null || name.matcher(t).matches()))
            .toList();
    Schema schema =
        command.getIncludeSchema()
            ? Schemas.GET_TABLES_SCHEMA
            : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      listener.start(root);
      root.allocateNew();
      VarCharVector tableName = (VarCharVector) root.getVector("table_name");
      VarCharVector tableType = (VarCharVector) root.getVector("table_type");
      for (int i = 0; i < tables.size(); i++) {
        root.getVector("catalog_name").setNull(i);
        root.getVector("db_schema_name").setNull(i);
        tableName.setSafe(i, WarehouseProducer.utf8(tables.get(i)));
        tableType.setSafe(i, WarehouseProducer.utf8(TABLE));
        if (command.getIncludeSchema()) {
          Schema arrow =
              ArrowResults.schema(
                  ArrowResults.flatten(sql.get().spark().table(tables.get(i))).schema(),
                  tables.get(i));
          ((VarBinaryVector) root.getVector("table_schema")).setSafe(i, arrow.serializeAsMessage());
        }
      }
      root.setRowCount(tables.size());
      listener.putNext();
      listener.completed();
    }
  }

  /** Sends rows in batches of {@value #BATCH}. */
  void send(Schema schema, List<Row> rows, ServerStreamListener listener) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
      listener.start(root);
      for (int from = 0; from < rows.size() || from == 0; from += BATCH) {
        ArrowResults.fill(root, rows, from, Math.min(rows.size(), from + BATCH));
        listener.putNext();
        if (rows.isEmpty()) {
          break;
        }
      }
      listener.completed();
    } catch (RuntimeException e) {
      listener.error(Failures.of(e));
    }
  }

  /** SQL LIKE (% any run, _ one character) as a regular expression. */
  static Pattern like(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      switch (ch) {
        case '%' -> re.append(".*");
        case '_' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }
}
