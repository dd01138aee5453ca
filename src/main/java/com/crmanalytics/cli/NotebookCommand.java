package com.crmanalytics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm notebook …}: the SQL notebooks of {@code notebooks-export/}. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description =
        "SQL notebooks in Databricks source format (notebooks-export/): run them against the warehouse.",
    subcommands = {NotebookRunCommand.class, CommandLine.HelpCommand.class})
final class NotebookCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
