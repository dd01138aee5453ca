package com.crmanalytics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code crm export …}: the audited ways data leaves the warehouse. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Audited exports: target-list writes contact details of consenting customers (docs/personal-data.md).",
    subcommands = {TargetListCommand.class, CommandLine.HelpCommand.class})
final class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
