package com.crmanalytics.config;

/**
 * The {@code clv} section: which transaction model to fit, the value horizon, the discount rate, the
 * margin ratio used where costs are unknown, and the fewest repeat buyers a fit may use.
 *
 * @param model bg-nbd, mbg-nbd or pareto-nbd
 * @param timeUnit unit of x, t_x, T and of the fitted rates
 * @param horizonMonths expected purchases and CLV cover the next horizonMonths months
 * @param annualDiscountRate yearly rate (0.10 = 10 %), applied monthly as (1 + d)^(1/12) − 1
 * @param marginRate margin / revenue for customers without a known cost (1.0 = revenue CLV)
 * @param minRepeatBuyers fewer customers with x > 0 than this stops the fit (exit 3)
 */
public record ClvSettings(
    String model,
    ModelTimeUnit timeUnit,
    int horizonMonths,
    double annualDiscountRate,
    double marginRate,
    int minRepeatBuyers) {}
