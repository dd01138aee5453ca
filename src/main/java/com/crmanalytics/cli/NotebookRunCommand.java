package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.error.Errors;
import com.crmanalytics.notebook.Cell;
import com.crmanalytics.notebook.Notebook;
import com.crmanalytics.notebook.NotebookHtml;
import com.crmanalytics.notebook.NotebookRun;
import com.crmanalytics.notebook.ResultTable;
import com.crmanalytics.notebook.Statement;
import com.crmanalytics.sql.GuardedSql;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crm notebook run FILE [--out result.html]}: runs the SQL cells of a notebook in order
 * against the warehouse (every table a view of its plain name, as in {@code crm sql}), prints each
 * result, and optionally writes one HTML page with the Markdown and the results. The first failing
 * statement stops the run.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the SQL cells of a notebook (Databricks source format) in order against the warehouse.",
      "Every table is a view of its plain name. Each result is printed; with --out, one HTML page with the"
          + " Markdown cells and the results is written.",
      "The first failing statement stops the run (exit 2 when the SQL is at fault, as in crm sql)."
    })
final class NotebookRunCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The notebook, e.g. notebooks-export/segment_explorer.sql.")
  Path file;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the notebook with its results as one self-contained HTML page.")
  Path html;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Most rows shown per result, on stdout and in the HTML (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw Errors.usage("--limit must be at least 1 (got " + limit + ")");
    }
    Notebook notebook = Notebook.read(file);
    PipelineConfig config = global.config();
    GuardedSql warehouse = GuardedSql.open(global.warehouse(config), config.privacy());
    PrintWriter out = spec.commandLine().getOut();
    NotebookRun run = new NotebookRun(notebook, limit);
    long started = System.nanoTime();
    RuntimeException failure = null;
    try {
      for (Cell cell : notebook.cells()) {
        runCell(warehouse, cell, run, out);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    if (html != null) {
      // Also after a failure: the page shows the results so far and the error in its cell.
      try {
        write(html, NotebookHtml.render(run));
        if (failure != null) {
          out.println("HTML up to the failing cell written to " + html);
        }
      } catch (RuntimeException e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      }
    }
    out.flush();
    if (failure != null) {
      throw failure;
    }
    out.printf(
        "notebook %s: %d cell(s) (%d SQL, %d markdown), %d statement(s) run in %.1f s%s%n",
        notebook.name(),
        notebook.cells().size(),
        notebook.sqlCells().size(),
        notebook.cells().size() - notebook.sqlCells().size(),
        run.statementsRun(),
        (System.nanoTime() - started) / 1e9,
        html == null ? "" : "; HTML written to " + html);
    out.flush();
    return 0;
  }

  private void runCell(GuardedSql warehouse, Cell cell, NotebookRun run, PrintWriter out) {
    if (!cell.isSql()) {
      String heading =
          cell.source()
              .lines()
              .filter(l -> !l.isBlank())
              .findFirst()
              .orElse("")
              .replaceFirst("^#+\\s*", "");
      out.printf(
          "-- cell %d (markdown): %s%n",
          cell.number(), cell.title().isEmpty() ? heading : cell.title());
      return;
    }
    SparkSession spark = warehouse.spark();
    for (Statement statement : cell.statements()) {
      spark
          .sparkContext()
          .setJobGroup(
              "notebook", "notebook " + file.getFileName() + " cell " + cell.number(), false);
      ResultTable table;
      try {
        table = ResultPrinter.collect(warehouse.sql(statement.sql()), limit);
      } catch (Exception e) {
        // Spark's AnalysisException is a checked exception that spark.sql throws undeclared.
        Optional<String> sqlError = SqlFailures.describe(e, warehouse.warehouse());
        String message =
            sqlError.orElseGet(
                () -> e.getClass().getSimpleName() + ": " + SqlFailures.firstLine(e.getMessage()));
        run.fail(cell, statement, message);
        throw Errors.notebookCell(
            run.notebook().name(),
            cell.number(),
            statement.line(),
            message,
            sqlError.isPresent(),
            e);
      } finally {
        spark.sparkContext().clearJobGroup();
      }
      run.add(cell, statement, table);
      out.printf(
          "-- cell %d, line %d%s%n",
          cell.number(), statement.line(), table.hasColumns() ? "" : ": done");
      if (table.hasColumns()) {
        ResultPrinter.table(table, out, "use --limit");
      }
      out.flush();
    }
  }

  /** Writes the page next to its final name first, so a reader never sees half of it. */
  private static void write(Path target, String page) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, page, StandardCharsets.UTF_8);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw Errors.usage("Cannot write the HTML page " + target + ": " + e);
    }
  }
}
