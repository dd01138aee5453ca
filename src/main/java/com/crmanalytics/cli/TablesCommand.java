package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crm tables [TABLE...]}: what the warehouse holds, and what each column of a table means.
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = {
      "List the tables of the warehouse with their row counts and descriptions.",
      "Given table names, list each one's columns with their types and descriptions."
    })
final class TablesCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TABLE",
      arity = "0..*",
      description = "Tables whose columns to describe")
  List<String> tables = List.of();

  @Override
  public Integer call() {
    PipelineConfig config = global.config();
    Warehouse warehouse = global.warehouse(config);
    PrintWriter out = spec.commandLine().getOut();
    List<String> names = warehouse.tableNames();
    if (!tables.isEmpty()) {
      for (String table : tables) {
        if (!names.contains(table)) {
          throw Errors.missingTable(
              table,
              warehouse.root() + "/" + table,
              names.isEmpty()
                  ? "no tables yet: run crm run --date YYYY-MM-DD"
                  : "tables: " + String.join(", ", names));
        }
      }
      tables.forEach(table -> describe(warehouse, table, out));
      out.flush();
      return 0;
    }
    if (names.isEmpty()) {
      out.println("No tables yet in " + warehouse.root() + " (run: crm run --date YYYY-MM-DD)");
    }
    int width = names.stream().mapToInt(String::length).max().orElse(5);
    for (String name : names) {
      long rows =
          warehouse.spark().read().format("delta").load(warehouse.root() + "/" + name).count();
      out.printf("%-" + width + "s %12d  %s%n", name, rows, warehouse.description(name));
    }
    out.flush();
    return 0;
  }

  /**
   * The table's description, then one line per column: name, type and the column comment stored in
   * Delta.
   */
  private static void describe(Warehouse warehouse, String table, PrintWriter out) {
    StructType schema =
        warehouse.spark().read().format("delta").load(warehouse.root() + "/" + table).schema();
    out.printf("%s: %s%n", table, warehouse.description(table));
    int width = 0;
    for (StructField f : schema.fields()) {
      width = Math.max(width, f.name().length());
    }
    for (StructField f : schema.fields()) {
      out.printf(
          "  %-" + width + "s  %-14s %s%n",
          f.name(),
          f.dataType().simpleString(),
          f.getComment().isDefined() ? f.getComment().get() : "");
    }
  }
}
