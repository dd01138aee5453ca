package com.crmanalytics.config;

import static com.crmanalytics.config.ConfigValues.integer;
import static com.crmanalytics.config.ConfigValues.number;
import static com.crmanalytics.config.ConfigValues.oneOf;
import static com.crmanalytics.config.ConfigValues.string;
import static com.crmanalytics.config.ConfigValues.wholeLong;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import java.util.List;

/**
 * The {@code clv} section: which transaction model to fit, the value horizon, the discount rate,
 * the margin ratio used where costs are unknown, and the fewest repeat buyers a fit may use.
 *
 * @param model auto, bg-nbd, mbg-nbd or pareto-nbd
 * @param timeUnit unit of x, t_x, T and of the fitted rates
 * @param horizonMonths expected purchases and CLV cover the next horizonMonths months
 * @param annualDiscountRate yearly rate (0.10 = 10 %), applied monthly as (1 + d)^(1/12) − 1
 * @param marginRate margin / revenue for customers without a known cost (1.0 = revenue CLV)
 * @param minRepeatBuyers fewer customers with x > 0 than this stops the fit (exit 3)
 * @param intervalDraws parameter draws behind the 90% interval of customer equity
 * @param intervalSeed seed of those draws
 * @param reference published results crm evaluate prints beside its own: none or cdnow
 */
public record ClvSettings(
    String model,
    ModelTimeUnit timeUnit,
    int horizonMonths,
    double annualDiscountRate,
    double marginRate,
    int minRepeatBuyers,
    int intervalDraws,
    long intervalSeed,
    String reference) {

  /** clv.model: fit every model and keep the best out of time. */
  public static final String AUTO = "auto";

  public static final String NO_REFERENCE = "none";
  public static final String CDNOW = "cdnow";

  /** Values of clv.model: auto, or the name of a com.crmanalytics.model.TransactionModelType. */
  static final List<String> MODELS = List.of(AUTO, "bg-nbd", "mbg-nbd", "pareto-nbd");

  /**
   * Values of clv.reference: the published results crm evaluate prints beside its own (none: no
   * column).
   */
  static final List<String> REFERENCES = List.of(NO_REFERENCE, CDNOW);

  public boolean auto() {
    return AUTO.equals(model);
  }

  /** Reads and validates the {@code clv} section (exit 2 naming key, value and what is allowed). */
  public static ClvSettings from(Config c) {
    ModelTimeUnit timeUnit = oneOf(c, "clv.time-unit", ModelTimeUnit.values(), ModelTimeUnit::id);
    String model = string(c, "clv.model");
    if (!MODELS.contains(model)) {
      throw Errors.badConfig("clv.model", model, String.join(", ", MODELS));
    }
    int horizon = integer(c, "clv.horizon-months");
    if (horizon < 1 || horizon > 600) {
      throw Errors.badConfig(
          "clv.horizon-months", horizon, "a whole number of months from 1 to 600");
    }
    double rate = number(c, "clv.annual-discount-rate");
    if (!(rate >= 0 && rate < 10)) {
      throw Errors.badConfig(
          "clv.annual-discount-rate",
          c.getValue("clv.annual-discount-rate").unwrapped(),
          "a yearly rate as a fraction, 0 or more and below 10 (0.10 = 10 %)");
    }
    double margin = number(c, "clv.margin-rate");
    if (!(margin > -1 && margin <= 1)) {
      throw Errors.badConfig(
          "clv.margin-rate",
          c.getValue("clv.margin-rate").unwrapped(),
          "a margin / revenue ratio above -1 and at most 1 (1.0 = revenue CLV)");
    }
    int minRepeat = integer(c, "clv.min-repeat-buyers");
    if (minRepeat < 1) {
      throw Errors.badConfig("clv.min-repeat-buyers", minRepeat, "a whole number, at least 1");
    }
    int draws = integer(c, "clv.interval-draws");
    if (draws < 20 || draws > 100_000) {
      throw Errors.badConfig(
          "clv.interval-draws", draws, "a whole number of parameter draws from 20 to 100000");
    }
    long intervalSeed = wholeLong(c, "clv.interval-seed");
    String reference = string(c, "clv.reference");
    if (!REFERENCES.contains(reference)) {
      throw Errors.badConfig("clv.reference", reference, String.join(", ", REFERENCES));
    }
    return new ClvSettings(
        model, timeUnit, horizon, rate, margin, minRepeat, draws, intervalSeed, reference);
  }
}
