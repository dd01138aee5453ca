package com.crmanalytics.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.contract.Customers;
import com.crmanalytics.contract.Exports;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.sql.GuardedSql;
import com.crmanalytics.sql.SqlGuard;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code crm export target-list}: the one way to contact data. A query through the SQL guard (so it
 * sees personal columns masked) chooses customers by {@code customer_id}; the export joins silver
 * {@code customers} and writes, in the query's order, the query's columns followed by name, phone,
 * e-mail and the consent's date and channel, for the customers whose marketing consent is true and
 * dated on or before the export date. The others are counted, and every export is recorded in the
 * {@code exports} table.
 */
public final class TargetListExport {
  /** The session variable holding {@code --date}: the notebooks' name for the analysis date. */
  public static final String DATE_VARIABLE = "as_of";

  /** The columns appended from silver customers, in this order. */
  public static final List<String> CONTACT_COLUMNS =
      List.of(
          Customers.NAME,
          Customers.PHONE,
          Customers.EMAIL,
          Customers.CONSENT_DATE,
          Customers.CONSENT_CHANNEL);

  private static final String ORDER = "_export_order";
  private static final String STATUS = "_export_status";
  private static final String KNOWN = "_export_known";
  private static final String WRITE = "write";
  private static final String NO_CONSENT = "no_consent";
  private static final String UNKNOWN = "unknown";

  /** What an export wrote and left out. */
  public record Result(
      String exportId, Path out, long written, long withoutConsent, long unknown) {}

  private TargetListExport() {}

  public static Result run(GuardedSql sql, LocalDate date, String query, Path out, String osUser) {
    String statement = query.strip().replaceFirst(";\\s*$", "");
    if (sql.check(statement) != SqlGuard.Kind.QUERY) {
      throw Errors.usage(
          "the export query must be one SELECT returning customer_id: " + firstLine(statement));
    }
    sql.sql(
        "DECLARE OR REPLACE VARIABLE "
            + DATE_VARIABLE
            + " DATE DEFAULT "
            + Warehouse.dateLiteral(date));
    Dataset<Row> chosen = sql.sql(statement);
    if (!List.of(chosen.columns()).contains(Customers.CUSTOMER_ID)) {
      throw Errors.usage(
          "the export query must return a column "
              + Customers.CUSTOMER_ID
              + " (it returns: "
              + String.join(", ", chosen.columns())
              + ")");
    }
    Warehouse warehouse = sql.warehouse();
    Dataset<Row> customers = warehouse.read(Customers.CONTRACT);
    List<Column> queryColumns = new ArrayList<>();
    for (String c : chosen.columns()) {
      if (!CONTACT_COLUMNS.contains(c) && !c.equals(Customers.MARKETING_CONSENT)) {
        queryColumns.add(col("q.`" + c + "`").as(c));
      }
    }
    Column consented =
        col("c." + Customers.MARKETING_CONSENT)
            .equalTo(true)
            .and(
                col("c." + Customers.CONSENT_DATE)
                    .isNull()
                    .or(col("c." + Customers.CONSENT_DATE).leq(lit(date))));
    List<Column> selected = new ArrayList<>(queryColumns);
    CONTACT_COLUMNS.forEach(c -> selected.add(col("c." + c).as(c)));
    selected.add(
        when(col("c." + KNOWN).isNull(), lit(UNKNOWN))
            .when(consented, lit(WRITE))
            .otherwise(lit(NO_CONSENT))
            .as(STATUS));
    Dataset<Row> rows =
        chosen
            .withColumn(ORDER, monotonically_increasing_id())
            .as("q")
            .join(
                customers.withColumn(KNOWN, lit(true)).as("c"),
                col("q." + Customers.CUSTOMER_ID).equalTo(col("c." + Customers.CUSTOMER_ID)),
                "left")
            .orderBy(col("q." + ORDER))
            .select(selected.toArray(Column[]::new));

    Path target = out.toAbsolutePath();
    long[] counts = new long[3];
    Path tmp = writeCsv(rows, target, counts);
    String exportId = UUID.randomUUID().toString();
    try {
      Row audit =
          RowFactory.create(
              exportId,
              Timestamp.from(Instant.now()),
              osUser,
              java.sql.Date.valueOf(date),
              statement,
              target.toString(),
              counts[0],
              counts[1],
              counts[2]);
      // Recorded before the file takes its name: no list exists that the audit table does not know.
      warehouse.append(
          Exports.CONTRACT,
          warehouse.spark().createDataFrame(List.of(audit), Exports.CONTRACT.schema()));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw Errors.usage("Cannot write the export " + target + ": " + e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // The temporary file is readable only by its owner; a leftover is removed by the next
        // export's user.
      }
    }
    return new Result(exportId, target, counts[0], counts[1], counts[2]);
  }

  /**
   * Writes the consented rows to a temporary file next to the target (owner-only), counting every
   * status.
   */
  private static Path writeCsv(Dataset<Row> rows, Path target, long[] counts) {
    String[] names = rows.columns();
    int status = names.length - 1;
    try {
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the folder's own access control applies.
      }
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write(Csv.line(List.of(names).subList(0, status)));
        for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
          Row r = it.next();
          switch (r.getString(status)) {
            case WRITE -> {
              counts[0]++;
              List<String> cells = new ArrayList<>();
              for (int i = 0; i < status; i++) {
                cells.add(r.isNullAt(i) ? null : String.valueOf(r.get(i)));
              }
              w.write(Csv.line(cells));
            }
            case NO_CONSENT -> counts[1]++;
            default -> counts[2]++;
          }
        }
      }
      return tmp;
    } catch (IOException e) {
      throw Errors.usage("Cannot write the export " + target + ": " + e);
    }
  }

  private static String firstLine(String sql) {
    return sql.lines().filter(l -> !l.isBlank()).findFirst().orElse(sql).strip();
  }
}
