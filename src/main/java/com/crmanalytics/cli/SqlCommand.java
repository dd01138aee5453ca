package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.error.Errors;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.sql.GuardedSql;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crm sql "SELECT …"}: query any table of the warehouse by its plain name. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one SQL query against the warehouse, where every table is a view of its name.",
      "For example: select segment, count(*) from customer_segments group by segment.",
      "Personal columns are masked; paths, writes and file-reading functions are refused (docs/personal-data.md)."
    })
final class SqlCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query (Spark SQL).")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ResultPrinter.Format format;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      description =
          "Most rows shown in table format (csv and json print them all; default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    PipelineConfig config = global.config();
    Warehouse warehouse = global.warehouse(config);
    GuardedSql sql = GuardedSql.open(warehouse, config.privacy());
    Dataset<Row> result;
    try {
      result = sql.sql(query);
    } catch (Exception e) {
      // Spark's AnalysisException is a checked exception that spark.sql throws undeclared.
      Optional<String> sqlError = SqlFailures.describe(e, warehouse);
      if (sqlError.isPresent()) {
        throw Errors.usage(sqlError.get());
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    ResultPrinter.print(result, format, limit, out);
    out.flush();
    return 0;
  }
}
