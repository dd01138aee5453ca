package com.crmanalytics.sql;

import static org.apache.spark.sql.functions.col;

import com.crmanalytics.config.PrivacySettings;
import com.crmanalytics.contract.TableContract;
import com.crmanalytics.contract.Tables;
import com.crmanalytics.io.Warehouse;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one door of SQL users ({@code crm sql}, notebooks, {@code crm serve}, the query of {@code crm
 * export}) to the warehouse: every table a temporary view of its plain name with its personal
 * columns masked, and every statement checked by {@link SqlGuard} before Spark runs it.
 */
public final class GuardedSql {
  private final Warehouse warehouse;
  private final List<String> tables;
  private final SqlGuard guard;

  private GuardedSql(Warehouse warehouse, List<String> tables) {
    this.warehouse = warehouse;
    this.tables = tables;
    this.guard = new SqlGuard(warehouse.spark(), Set.copyOf(tables));
  }

  /** Registers the views (masked as {@code privacy} says) in the warehouse's session. */
  public static GuardedSql open(Warehouse warehouse, PrivacySettings privacy) {
    PersonalMask mask = PersonalMask.of(privacy);
    List<String> names = warehouse.tableNames();
    for (String name : names) {
      Dataset<Row> table =
          warehouse.spark().read().format("delta").load(warehouse.root() + "/" + name);
      List<String> personal =
          Tables.byName(name).map(TableContract::personalColumns).orElse(List.of());
      for (String column : personal) {
        if (List.of(table.columns()).contains(column)) {
          // The masked column keeps the contract's comment: BI tools and DESCRIBE show it.
          table =
              table.withColumn(
                  column,
                  mask.apply(col(column)).as(column, table.schema().apply(column).metadata()));
        }
      }
      table.createOrReplaceTempView(name);
    }
    return new GuardedSql(warehouse, names);
  }

  /** The warehouse's tables, each readable by this name. */
  public List<String> tables() {
    return tables;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public SparkSession spark() {
    return warehouse.spark();
  }

  /**
   * Checks the statement (exit 2 when refused) and says whether it returns rows or is a command.
   */
  public SqlGuard.Kind check(String sql) {
    return guard.check(sql);
  }

  /** Checks, then runs the statement (a command runs now, a query when its rows are read). */
  public Dataset<Row> sql(String sql) {
    guard.check(sql);
    return warehouse.spark().sql(sql);
  }
}
