package com.crmanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crm generate} on the command line: a summary on success, one clear line and exit 2 on bad
 * arguments.
 */
class GenerateCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int crm(String... args) {
    CommandLine cl = CrmCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void writesTheLandingFoldersAndPrintsASummary() {
    Path landing = tmp.resolve("landing");
    int exit =
        crm(
            "generate",
            "--customers",
            "50",
            "--from",
            "2026-10-01",
            "--to",
            "2026-11-23",
            "--seed",
            "3",
            "--increments",
            "2",
            "--bad-rows",
            "0.01",
            "--out",
            landing.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "generated 50 customers",
            "initial load 2026-11-21 + 2 daily folder(s)",
            "orders",
            "bad");
    assertThat(landing.resolve("2026-11-21/orders/orders.csv")).exists();
    assertThat(landing.resolve("2026-11-23/service/contacts.csv")).exists();
    assertThat(landing.resolve("_truth/customers.csv")).exists();
    assertThat(landing.resolve("2026-11-20")).doesNotExist();
  }

  @Test
  void badArgumentsExitTwoWithOneLine() throws Exception {
    assertThat(
            crm(
                "generate",
                "--customers",
                "0",
                "--from",
                "2026-10-01",
                "--to",
                "2026-11-23",
                "--out",
                tmp.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("crm: --customers must be between 1 and 100000000, got 0");

    Files.writeString(tmp.resolve("busy.txt"), "x");
    err.getBuffer().setLength(0);
    assertThat(
            crm(
                "generate",
                "--customers",
                "5",
                "--from",
                "2026-10-01",
                "--to",
                "2026-11-23",
                "--out",
                tmp.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("is not empty");

    err.getBuffer().setLength(0);
    assertThat(
            crm(
                "generate",
                "--customers",
                "5",
                "--from",
                "2026-10-01",
                "--to",
                "2026-11-23",
                "--format",
                "xml",
                "--out",
                tmp.resolve("y").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--format");
  }
}
