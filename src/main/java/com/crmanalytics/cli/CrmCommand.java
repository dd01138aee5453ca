package com.crmanalytics.cli;

import com.crmanalytics.error.CrmException;
import com.crmanalytics.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The top {@code crm} command: a nightly customer-analytics pipeline on Spark and Delta Lake. */
@Command(
    name = "crm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Customer analytics on Spark and Delta Lake: ingest extracts, segment customers, value them.",
    subcommands = {
      RunCommand.class,
      NightlyCommand.class,
      BackfillCommand.class,
      IngestCommand.class,
      FeaturesCommand.class,
      SegmentCommand.class,
      ValueCommand.class,
      ProductCommand.class,
      ReportCommand.class,
      EvaluateCommand.class,
      GenerateCommand.class,
      SqlCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      TablesCommand.class,
      NotebookCommand.class,
      MaintainCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 unexpected failure, 2 usage or configuration error,",
      "            3 data-quality gate failed, 4 a required input is missing,",
      "            5 warehouse busy (another run holds <warehouse>/_crm_lock)."
    })
public final class CrmCommand implements Runnable {
  /** Columns of the usage help. */
  static final int USAGE_WIDTH = 100;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line with the error handling every entry point (main, tests) shares. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new CrmCommand());
    // Wide enough for the option descriptions; each description element is a whole sentence.
    cl.setUsageHelpWidth(USAGE_WIDTH);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  /** Maps exceptions to one line on stderr and the documented exit code. */
  static final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
      PrintWriter err = cl.getErr();
      Object global = cl.getMixins().get("global");
      boolean verbose = global instanceof GlobalOptions g && g.verbose();
      CrmException known = find(ex);
      if (verbose) {
        ex.printStackTrace(err);
      }
      if (known != null) {
        err.println("crm: " + known.getMessage());
        err.flush();
        return known.exitCode().code();
      }
      Throwable root = ex;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
      err.println(
          "crm: unexpected failure: "
              + root.getClass().getSimpleName()
              + ": "
              + message
              + (verbose ? "" : " (run with --verbose for the stack trace)"));
      err.flush();
      return ExitCode.FAILURE.code();
    }

    private static CrmException find(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
        if (c instanceof CrmException crm) {
          return crm;
        }
      }
      return null;
    }
  }
}
