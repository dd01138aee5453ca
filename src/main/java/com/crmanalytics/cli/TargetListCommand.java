package com.crmanalytics.cli;

import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.error.Errors;
import com.crmanalytics.export.TargetListExport;
import com.crmanalytics.sql.GuardedSql;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm export target-list --date D --query FILE_OR_SQL --out FILE.csv}. */
@Command(
    name = "target-list",
    mixinStandardHelpOptions = true,
    description = {
      "Write a contact list: the customers a query chooses, with name, phone, e-mail and consent date and channel,"
          + " for those with marketing consent on D only.",
      "The query must return customer_id; it sees personal columns masked, like crm sql, and the variable as_of"
          + " holds --date.",
      "Prints how many were left out for lack of consent, and records the export (user, time, query, counts, file)"
          + " in the exports table."
    })
final class TargetListCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Export date: consent must date from it or before.")
  LocalDate date;

  @Option(
      names = "--query",
      required = true,
      paramLabel = "FILE_OR_SQL",
      description = "A file holding the SELECT, or the SELECT itself.")
  String query;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.csv",
      description = "The csv file to write (readable by its owner only).")
  Path out;

  @Override
  public Integer call() {
    String sql = readQuery(query);
    PipelineConfig config = global.config();
    GuardedSql guarded = GuardedSql.open(global.warehouse(config), config.privacy());
    TargetListExport.Result r;
    try {
      r = TargetListExport.run(guarded, date, sql, out, System.getProperty("user.name"));
    } catch (RuntimeException e) {
      Optional<String> sqlError = SqlFailures.describe(e, guarded.warehouse());
      if (sqlError.isPresent()) {
        throw Errors.usage(sqlError.get());
      }
      throw e;
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf("wrote %d customer(s) with marketing consent to %s%n", r.written(), r.out());
    w.printf(
        "left out: %d without marketing consent on %s, %d not in customers%n",
        r.withoutConsent(), date, r.unknown());
    w.printf("recorded as export %s in the exports table%n", r.exportId());
    w.flush();
    return 0;
  }

  /** A path to an existing file is read; anything else is the SQL itself. */
  private static String readQuery(String query) {
    Path file;
    try {
      file = Path.of(query);
    } catch (RuntimeException e) {
      return query;
    }
    if (!query.contains("\n") && Files.isRegularFile(file)) {
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw Errors.usage("Cannot read the query file " + file + ": " + e);
      }
    }
    return query;
  }
}
