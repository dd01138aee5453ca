package com.crmanalytics.config;

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

  public boolean auto() {
    return AUTO.equals(model);
  }
}
