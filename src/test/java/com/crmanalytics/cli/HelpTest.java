package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crm --help} and every subcommand's help show whole sentences; no Spark is needed for them.
 */
class HelpTest {
  private static List<CommandLine> all(CommandLine cl) {
    List<CommandLine> commands = new ArrayList<>(List.of(cl));
    cl.getSubcommands().values().forEach(sub -> commands.addAll(all(sub)));
    return commands;
  }

  private static String help(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = CrmCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void everyDescriptionLineIsAWholeSentence() {
    for (CommandLine cl : all(CrmCommand.commandLine())) {
      CommandSpec spec = cl.getCommandSpec();
      if (spec.userObject() instanceof CommandLine.HelpCommand) {
        continue;
      }
      String[] description = spec.usageMessage().description();
      assertThat(description).as(spec.qualifiedName()).isNotEmpty();
      for (String line : description) {
        if (!line.isEmpty()) {
          assertThat(line).as("%s: '%s'", spec.qualifiedName(), line).matches("[A-Z(<].*[.)]");
        }
      }
      for (CommandLine.Model.OptionSpec option : spec.options()) {
        for (String line : option.description()) {
          assertThat(line)
              .as("%s %s", spec.qualifiedName(), option.longestName())
              .matches(".*[.)]");
        }
      }
    }
  }

  @Test
  void theCommandListShowsEachCommandsFirstSentenceWhole() {
    String top = help("--help");
    for (CommandLine sub : CrmCommand.commandLine().getSubcommands().values()) {
      if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
        continue;
      }
      String first = sub.getCommandSpec().usageMessage().description()[0];
      // picocli wraps a long line inside its column: compare without the wrapping
      assertThat(top.replaceAll("\\s+", " ")).contains(first.replaceAll("\\s+", " "));
    }
    assertThat(top).contains("5 warehouse busy");
    assertThat(help("run", "--help").replaceAll("\\s+", " "))
        .contains(
            "The whole nightly run for business date D: ingest, features, segment, value, product, report.")
        .contains("Default: conf/pipeline.conf when present.");
    assertThat(help("run", "--help").lines()).allMatch(l -> l.length() <= CrmCommand.USAGE_WIDTH);
  }
}
