package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.io.Warehouse;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crm tables}: what the warehouse holds. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = "List the tables of the warehouse with their row counts and descriptions.")
final class TablesCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PipelineConfig config = global.config();
    Warehouse warehouse = global.warehouse(config);
    PrintWriter out = spec.commandLine().getOut();
    List<String> names = warehouse.tableNames();
    if (names.isEmpty()) {
      out.println("No tables yet in " + warehouse.root() + " (run: crm run --date YYYY-MM-DD)");
    }
    int width = names.stream().mapToInt(String::length).max().orElse(5);
    for (String name : names) {
      long rows = warehouse.spark().read().format("delta").load(warehouse.root() + "/" + name).count();
      out.printf("%-" + width + "s %12d  %s%n", name, rows, warehouse.description(name));
    }
    out.flush();
    return 0;
  }
}
