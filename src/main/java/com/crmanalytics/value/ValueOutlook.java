package com.crmanalytics.value;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.ClvSettings;
import com.crmanalytics.contract.CustomerFeatures;
import com.crmanalytics.contract.Orders;
import com.crmanalytics.contract.ReportForecast;
import com.crmanalytics.contract.ReportTracking;
import com.crmanalytics.io.Warehouse;
import com.crmanalytics.model.Clv;
import com.crmanalytics.model.CustomerAggregate;
import com.crmanalytics.model.EquityInterval;
import com.crmanalytics.model.FitResult;
import com.crmanalytics.model.Forecast;
import com.crmanalytics.model.GammaGamma;
import com.crmanalytics.model.ModelException;
import com.crmanalytics.model.Tracking;
import com.crmanalytics.model.TransactionModel;
import com.crmanalytics.pipeline.RunContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fitted models say about the time ahead and how they tracked the time behind, written by
 * the value stage for D: {@code report_forecast} (the existing customers' purchases and revenue
 * month by month over the next twelve months, {@link Forecast}, with the interval from the same
 * parameter draws as customer equity) and {@code report_tracking} (cumulative repeat purchases,
 * actual against the model fitted at the holdout cutoff, {@link Tracking}). Only per-pattern and
 * per-day aggregates reach the driver.
 */
final class ValueOutlook {
  private static final Logger LOG = LoggerFactory.getLogger(ValueOutlook.class);

  /** The tracking chart has at most about this many points: weekly, or every few weeks. */
  static final int MAX_TRACKING_POINTS = 120;

  private static final String DAY = "_day";
  private static final String FIRST = "_first";
  private static final String PURCHASE = "_purchase";

  private ValueOutlook() {}

  /** The rows of D of both tables, computed before the stage writes anything. */
  record Outlook(List<Row> forecast, List<Row> tracking) {}

  static Outlook compute(
      Warehouse wh,
      LocalDate d,
      ModelChoice.Choice choice,
      FitResult spend,
      Dataset<Row> features,
      ClvSettings clv) {
    return new Outlook(
        forecast(d, choice, spend, features, clv), tracking(wh, d, choice, features, clv));
  }

  /** Replaces the rows of D of both tables. */
  static void write(RunContext ctx, LocalDate d, Outlook outlook) {
    Warehouse wh = ctx.warehouse();
    wh.replaceDate(
        ReportForecast.CONTRACT,
        ReportForecast.AS_OF_DATE,
        d,
        ctx.spark().createDataFrame(outlook.forecast(), ReportForecast.CONTRACT.schema()));
    wh.replaceDate(
        ReportTracking.CONTRACT,
        ReportTracking.AS_OF_DATE,
        d,
        ctx.spark().createDataFrame(outlook.tracking(), ReportTracking.CONTRACT.schema()));
  }

  /** The twelve rows of report_forecast. */
  static List<Row> forecast(
      LocalDate d,
      ModelChoice.Choice choice,
      FitResult spend,
      Dataset<Row> features,
      ClvSettings clv) {
    Column mx =
        when(
                col(CustomerFeatures.X).gt(0),
                greatest(coalesce(col(CustomerFeatures.M_X), lit(0.0)), lit(0.0)))
            .otherwise(0.0);
    List<CustomerAggregate> aggregates = new ArrayList<>();
    long newCustomers = 0;
    for (Row r :
        features
            .groupBy(CustomerFeatures.X, CustomerFeatures.T_X, CustomerFeatures.T)
            .agg(count(lit(1)), sum(mx))
            .collectAsList()) {
      if (r.getDouble(2) > 0) {
        // margin 1: the aggregate's spend is Σ E[M], i.e. revenue
        aggregates.add(
            new CustomerAggregate(
                r.getInt(0),
                r.getDouble(1),
                r.getDouble(2),
                r.getLong(3),
                r.getLong(3),
                r.getDouble(4)));
      } else {
        newCustomers += r.getLong(3);
      }
    }
    ModelChoice.Candidate chosen = choice.chosen();
    double month = Clv.DAYS_PER_MONTH / clv.timeUnit().days();
    Forecast.Result result;
    try {
      result =
          Forecast.withInterval(
              chosen.type(),
              chosen.fit(),
              spend,
              aggregates,
              newCustomers,
              month,
              ReportForecast.MONTHS,
              clv.intervalDraws(),
              clv.intervalSeed(),
              EquityInterval.DEFAULT_MAX_PATTERNS);
    } catch (ModelException e) {
      LOG.warn("value: the forecast has no interval: {}", e.getMessage());
      result =
          Forecast.point(
              chosen.type().create(chosen.fit().params()),
              GammaGamma.fromParams(spend.params()),
              aggregates,
              newCustomers,
              month,
              ReportForecast.MONTHS);
    }
    List<Row> rows = new ArrayList<>();
    for (Forecast.Period p : result.periods()) {
      rows.add(
          RowFactory.create(
              Date.valueOf(d),
              chosen.type().configName(),
              p.period(),
              Date.valueOf(monthEnd(d, p.period() - 1).plusDays(1)),
              Date.valueOf(monthEnd(d, p.period())),
              p.purchases(),
              orNull(p.purchasesLow()),
              orNull(p.purchasesHigh()),
              p.revenue(),
              orNull(p.revenueLow()),
              orNull(p.revenueHigh())));
    }
    return rows;
  }

  /** The last day of month k after D (k = 0: D itself), months of 30.4375 days. */
  static LocalDate monthEnd(LocalDate d, int k) {
    return d.plusDays(Math.round(k * Clv.DAYS_PER_MONTH));
  }

  /**
   * The rows of report_tracking: with a holdout check, the chosen model's fit at the cutoff and the
   * customers known then; without, the fit on D (calibration only).
   */
  static List<Row> tracking(
      Warehouse wh,
      LocalDate d,
      ModelChoice.Choice choice,
      Dataset<Row> features,
      ClvSettings clv) {
    boolean holdout = choice.byHoldout() && choice.chosen().cutoffFit() != null;
    LocalDate end = holdout ? choice.cutoff() : d;
    FitResult fit = holdout ? choice.chosen().cutoffFit() : choice.chosen().fit();
    Dataset<Row> cohort = holdout ? choice.atCutoff() : features;
    double unitDays = clv.timeUnit().days();
    // customers by first purchase: T at the calibration end
    List<Row> byT = cohort.groupBy(CustomerFeatures.T).count().collectAsList();
    long customers = byT.stream().mapToLong(r -> r.getLong(1)).sum();
    double[] first = new double[Math.toIntExact(customers)];
    int i = 0;
    double oldest = 0;
    for (Row r : byT) {
      for (long k = 0; k < r.getLong(1); k++) {
        first[i++] = -r.getDouble(0);
      }
      oldest = Math.max(oldest, r.getDouble(0));
    }
    LocalDate start = end.minusDays((long) Math.ceil(oldest * unitDays));
    TreeMap<LocalDate, Long> repeatsByDay = repeatDays(wh, d, end);
    List<LocalDate> points = points(start, end, d);
    double[] at = new double[points.size()];
    for (int k = 0; k < at.length; k++) {
      at[k] = ChronoUnit.DAYS.between(end, points.get(k)) / unitDays;
    }
    TransactionModel model = choice.chosen().type().create(fit.params());
    double[] expected = Tracking.expectedCumulative(model, first, at);
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < at.length; k++) {
      LocalDate p = points.get(k);
      long actual =
          repeatsByDay.headMap(p, true).values().stream().mapToLong(Long::longValue).sum();
      rows.add(
          RowFactory.create(
              Date.valueOf(d),
              choice.chosen().type().configName(),
              Date.valueOf(p),
              p.isAfter(end) ? ReportTracking.HOLDOUT : ReportTracking.CALIBRATION,
              Date.valueOf(end),
              customers,
              actual,
              expected[k]));
    }
    return rows;
  }

  /**
   * Every step days back from the calibration end to the first purchase and forward to D, with the
   * calibration end and D themselves; the step is a whole number of weeks, so that there are at
   * most about {@value #MAX_TRACKING_POINTS} points.
   */
  static List<LocalDate> points(LocalDate start, LocalDate end, LocalDate d) {
    long span = ChronoUnit.DAYS.between(start, d);
    long step = 7 * Math.max(1, (long) Math.ceil(span / 7.0 / MAX_TRACKING_POINTS));
    TreeSet<LocalDate> points = new TreeSet<>();
    for (LocalDate p = end; !p.isBefore(start); p = p.minusDays(step)) {
      points.add(p);
    }
    for (LocalDate p = end; p.isBefore(d); p = p.plusDays(step)) {
      points.add(p);
    }
    points.add(d);
    return new ArrayList<>(points);
  }

  /**
   * Repeat purchase days on or before D of the customers whose first purchase day is on or before
   * the calibration end, counted by day. A purchase day is a day with an order that is not only
   * returns, as x counts them in the features.
   */
  private static TreeMap<LocalDate, Long> repeatDays(Warehouse wh, LocalDate d, LocalDate end) {
    Dataset<Row> days =
        wh.read(Orders.CONTRACT)
            .filter(col(Orders.CUSTOMER_ID).isNotNull())
            .withColumn(DAY, to_date(col(Orders.ORDER_TS)))
            .filter(col(DAY).leq(lit(d)))
            // one shuffle by customer: every step below up to the count per day runs without one
            .repartition(col(Orders.CUSTOMER_ID))
            .groupBy(Orders.CUSTOMER_ID, Orders.ORDER_ID)
            .agg(min(DAY).as(DAY), max(when(col(Orders.AMOUNT).lt(0), 0).otherwise(1)).as(PURCHASE))
            .filter(col(PURCHASE).equalTo(1))
            .select(Orders.CUSTOMER_ID, DAY)
            .distinct();
    Dataset<Row> firsts =
        days.groupBy(Orders.CUSTOMER_ID).agg(min(DAY).as(FIRST)).filter(col(FIRST).leq(lit(end)));
    TreeMap<LocalDate, Long> out = new TreeMap<>();
    for (Row r :
        days.join(firsts, Orders.CUSTOMER_ID)
            .filter(col(DAY).gt(col(FIRST)))
            .groupBy(DAY)
            .count()
            .collectAsList()) {
      out.put(r.getDate(0).toLocalDate(), r.getLong(1));
    }
    return out;
  }

  private static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
