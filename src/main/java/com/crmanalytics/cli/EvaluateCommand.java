package com.crmanalytics.cli;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.config.PipelineConfig;
import com.crmanalytics.pipeline.RunContext;
import com.crmanalytics.value.EvaluateStage;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm evaluate --calibration-end D1 --holdout-end D2}: the model's predictions against a
 * holdout.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Backtest the purchase model: fit it as of D1 and compare with what happened up to D2.",
      "Fits clv.model on silver orders up to D1 (under auto: the model with the smallest AIC there), predicts each"
          + " customer's repeat purchases in (D1, D2], compares them with the purchases made, prints the comparison"
          + " and records it in model_runs (as_of_date = D1, model = <model>-holdout).",
      "The published CDNOW figures are printed beside ours only when clv.reference = cdnow"
          + " (conf/profiles/cdnow.conf)."
    })
final class EvaluateCommand implements Callable<Integer> {
  /**
   * Fader, Hardie & Lee (2005) on the CDNOW sample, printed beside ours when clv.reference = cdnow.
   */
  static final double PUBLISHED_CDNOW_ACTUAL = 1882;

  static final double PUBLISHED_CDNOW_CORRELATION = 0.626;

  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--calibration-end",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "D1: the model is fitted on orders up to and including this date.")
  LocalDate calibrationEnd;

  @Option(
      names = "--holdout-end",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "D2: predictions are compared with the orders of (D1, D2].")
  LocalDate holdoutEnd;

  @Override
  public Integer call() {
    PipelineConfig config = global.config();
    RunContext ctx =
        RunContext.start(holdoutEnd, config, global.warehouse(config), VersionProvider.version());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "run %s: evaluate %s, calibration up to %s, holdout (%s, %s] (warehouse %s)%n",
        ctx.runId(),
        config.clv().model(),
        calibrationEnd,
        calibrationEnd,
        holdoutEnd,
        ctx.warehouse().root());
    EvaluateStage.Result r = EvaluateStage.run(ctx, calibrationEnd, holdoutEnd);
    out.printf(
        "fit: %s %s, log-likelihood %.2f, %d customers%s%n",
        r.fits().transactions().model(),
        r.fits().transactions().params(),
        r.fits().transactions().logLikelihood(),
        r.fits().transactions().n(),
        r.fits().transactions().standardErrors().isEmpty()
            ? ""
            : ", standard errors " + r.fits().transactions().standardErrors());
    boolean cdnow = ClvSettings.CDNOW.equals(config.clv().reference());
    String unit = "holdout (" + fmt(r.holdoutLength()) + " " + config.clv().timeUnit().id() + "s)";
    if (cdnow) {
      out.printf("%-34s %14s %22s%n", unit, "ours", "published CDNOW (FHL)");
      out.printf(
          "%-34s %14.0f %22.0f%n",
          "actual repeat transactions", r.actualTotal(), PUBLISHED_CDNOW_ACTUAL);
      out.printf("%-34s %14.1f %22s%n", "predicted repeat transactions", r.predictedTotal(), "");
      out.printf(
          "%-34s %14.3f %22.3f%n",
          "correlation actual vs predicted", r.correlation(), PUBLISHED_CDNOW_CORRELATION);
      out.printf(
          "%-34s %14.3f %22s%n", "mean absolute error per customer", r.meanAbsoluteError(), "");
    } else {
      out.printf("%-34s %14s%n", unit, "ours");
      out.printf("%-34s %14.0f%n", "actual repeat transactions", r.actualTotal());
      out.printf("%-34s %14.1f%n", "predicted repeat transactions", r.predictedTotal());
      out.printf("%-34s %14.3f%n", "correlation actual vs predicted", r.correlation());
      out.printf("%-34s %14.3f%n", "mean absolute error per customer", r.meanAbsoluteError());
    }
    out.printf(
        "%n%-26s %10s %14s %14s%n",
        "calibration purchases (x)", "customers", "actual mean", "predicted mean");
    for (EvaluateStage.Group g : r.byX()) {
      out.printf(
          "%-26s %10d %14.3f %14.3f%n",
          g.x() + (g.x() == EvaluateStage.MAX_X_GROUP ? "+" : ""),
          g.customers(),
          g.actualMean(),
          g.predictedMean());
    }
    out.flush();
    return 0;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.2f", v);
  }
}
