package com.crmanalytics.cli;

import com.crmanalytics.contract.Source;
import com.crmanalytics.error.Errors;
import com.crmanalytics.generate.ExtractFormat;
import com.crmanalytics.generate.ExtractGenerator;
import com.crmanalytics.generate.GeneratorOptions;
import com.crmanalytics.generate.GeneratorParams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm generate}: synthetic daily extracts with known ground truth (no Spark needed). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write synthetic extracts with a known ground truth as a landing folder.",
      "The folders are OUT/<date>/<source>/; the ground truth (parameters; per customer λ, p, drop-out,"
          + " spend; every injected bad row) goes to OUT/_truth/.",
      "The first folder, TO minus INCREMENTS days, is an initial load of all history up to it; each"
          + " following day gets a folder with that day's new records.",
      "Purchases follow BG/NBD, spend Gamma-Gamma (see docs/generator.md).",
      "The same arguments always give byte-identical files. No Spark is needed.",
      ""
    },
    footer = {
      "",
      "Example:",
      "  crm generate --customers 2000 --from 2025-10-16 --to 2026-11-23 --seed 7 \\",
      "      --bad-rows 0.002 --out /tmp/landing",
      "  crm run --landing /tmp/landing --date 2026-11-16"
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--customers",
      required = true,
      paramLabel = "N",
      description = "Number of customers.")
  long customers;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "First day customers can arrive.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "Last day simulated (the last folder).")
  LocalDate to;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Landing folder to write; must be empty or absent.")
  Path out;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "FORMAT",
      description =
          "csv, jsonl or parquet (default: ${DEFAULT-VALUE}). Set extracts.<source>.format to match when ingesting.")
  ExtractFormat format;

  @Option(
      names = "--bad-rows",
      defaultValue = "0",
      paramLabel = "RATE",
      description =
          "Share of extra rows that break a contract rule, one of every quarantine reason code; listed in _truth/bad_rows.csv (default: ${DEFAULT-VALUE}).")
  double badRows;

  @Option(
      names = "--increments",
      defaultValue = "7",
      paramLabel = "K",
      description = "Daily folders after the initial load (default: ${DEFAULT-VALUE}).")
  int increments;

  @Option(
      names = "--r",
      defaultValue = "0.2426",
      paramLabel = "R",
      description = "BG/NBD: shape of the Gamma purchase rate λ (default: ${DEFAULT-VALUE}).")
  double r;

  @Option(
      names = "--alpha",
      defaultValue = "4.4135",
      paramLabel = "ALPHA",
      description =
          "BG/NBD: rate of the Gamma purchase rate, in weeks (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--a",
      defaultValue = "0.7929",
      paramLabel = "A",
      description = "BG/NBD: Beta(a, b) drop-out probability p (default: ${DEFAULT-VALUE}).")
  double a;

  @Option(
      names = "--b",
      defaultValue = "2.4259",
      paramLabel = "B",
      description = "BG/NBD: Beta(a, b) drop-out probability p (default: ${DEFAULT-VALUE}).")
  double b;

  @Option(
      names = "--spend-p",
      defaultValue = "6.2496",
      paramLabel = "P",
      description = "Gamma-Gamma: shape of a transaction's value (default: ${DEFAULT-VALUE}).")
  double spendP;

  @Option(
      names = "--spend-q",
      defaultValue = "3.7442",
      paramLabel = "Q",
      description =
          "Gamma-Gamma: shape of the customer's spend rate ν, above 1 (default: ${DEFAULT-VALUE}).")
  double spendQ;

  @Option(
      names = "--spend-gamma",
      defaultValue = "15.4435",
      paramLabel = "G",
      description = "Gamma-Gamma: rate γ of ν; mean spend = γ·p/(q−1) (default: ${DEFAULT-VALUE}).")
  double spendGamma;

  @Override
  public Integer call() {
    GeneratorOptions options =
        new GeneratorOptions(
            customers,
            from,
            to,
            seed,
            out,
            format,
            badRows,
            increments,
            new GeneratorParams(r, alpha, a, b, spendP, spendQ, spendGamma));
    requireEmpty(out);
    long started = System.nanoTime();
    ExtractGenerator.Summary summary = new ExtractGenerator(options).run();
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        "generated %d customers into %s: initial load %s + %d daily folder(s) to %s, %s%n",
        customers, out, options.initialLoad(), increments, to, format);
    for (Source s : Source.values()) {
      w.printf(
          "  %-10s %,12d rows%s%n",
          s.id(),
          summary.rows().get(s),
          summary.badRows().get(s) > 0
              ? String.format(" + %,d bad", summary.badRows().get(s))
              : "");
    }
    w.printf(
        "  %.1f MB in %.1f s; ground truth in %s%n",
        summary.bytes() / 1e6, seconds, out.resolve(ExtractGenerator.TRUTH));
    w.flush();
    return 0;
  }

  private static void requireEmpty(Path out) {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw Errors.usage("--out " + out + " is a file, not a folder");
    }
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        throw Errors.usage(
            "--out "
                + out
                + " is not empty; choose a new folder (generate never overwrites extracts)");
      }
    } catch (IOException e) {
      throw Errors.usage("--out " + out + " cannot be read: " + e.getMessage());
    }
  }
}
