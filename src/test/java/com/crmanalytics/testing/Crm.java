package com.crmanalytics.testing;

import com.crmanalytics.cli.CrmCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;

/**
 * Runs the {@code crm} command in this JVM, as a scheduler would call it, on the shared session.
 */
public final class Crm {
  /** What one invocation returned and printed. */
  public record Result(int exit, String out, String err) {}

  private Crm() {}

  /**
   * {@code crm ARGS…} followed by the test Spark settings ({@link TestSpark#SETTINGS}), except for
   * {@code crm generate}, which runs no Spark and takes no configuration.
   */
  public static Result run(List<String> args) {
    List<String> all = new ArrayList<>(args);
    if (!args.get(0).equals("generate")) {
      TestSpark.SETTINGS.forEach((k, v) -> all.addAll(List.of("--set", k + "=" + v)));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CrmCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit;
    try {
      exit = cl.execute(all.toArray(String[]::new));
    } finally {
      if (all.contains("--verbose")) {
        // --verbose turns Spark's INFO logging on for the process, which in a command line is
        // that one command; here it would be every later test of the JVM: back to the
        // configuration file.
        Configurator.reconfigure();
      }
    }
    return new Result(exit, out.toString(), err.toString());
  }
}
