package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A customer's purchases: BG/NBD purchase instants (the first at sign-up, repeat purchases at rate
 * λ while alive, a drop-out with probability p after each repeat purchase), then Gamma-Gamma spend
 * per purchase split into order lines, a few of which come back later as returns. Campaigns add
 * incremental purchases ({@link #insert}) before the orders are written; those do not trigger a
 * drop-out. Holds the current customer's results; reused from customer to customer (one instance
 * per thread).
 */
final class Purchases {
  private static final double LINES_EXTRA_MEAN = 3.4;
  private static final double RETURN_RATE = 0.03;

  private final GeneratorOptions options;
  private final Timeline timeline;

  private RandomDataGenerator buy;
  private long[] at = new long[64];

  /** The campaign (index in {@link CampaignEffects#all}) that caused each purchase, -1 for none. */
  private int[] cause = new int[64];

  private int count;
  private long dropout;
  private double lambda;
  private double p;
  private double nu;
  private int days;
  private long totalSpend;
  private long totalReturns;

  Purchases(GeneratorOptions options, Timeline timeline) {
    this.options = options;
    this.timeline = timeline;
  }

  /** Draws λ, p and ν and the purchase instants of the customer who signed up at {@code signup}. */
  void draw(long index, long signup) {
    GeneratorParams params = options.params();
    long end = timeline.end();
    buy = CustomerSimulator.stream(options.seed(), index, 1);
    lambda = buy.nextGamma(params.r(), 1 / params.alpha());
    p = buy.nextBeta(params.a(), params.b());
    nu = buy.nextGamma(params.q(), 1 / params.gamma());
    count = 0;
    dropout = -1;
    long t = signup;
    add(t);
    while (true) {
      double waitWeeks = lambda > 0 ? buy.nextExponential(1 / lambda) : Double.POSITIVE_INFINITY;
      double next = t + waitWeeks * Timeline.WEEK;
      if (!(next < end)) {
        break;
      }
      t = (long) next;
      add(t);
      if (buy.nextDouble() < p) {
        dropout = t;
        break;
      }
    }
  }

  /** Writes the order lines (and returns) of every purchase drawn, in time order. */
  void writeOrders(Arrivals.Profile who, CustomerSimulator.RowSink sink) {
    long end = timeline.end();
    totalSpend = 0;
    totalReturns = 0;
    days = 0;
    long lastDay = Long.MIN_VALUE;
    for (int k = 0; k < count; k++) {
      long when = at[k];
      long day = Math.floorDiv(when, Timeline.DAY);
      if (day != lastDay) {
        days++;
        lastDay = day;
      }
      double value = buy.nextGamma(options.params().p(), 1 / nu);
      long cents = Math.max(1, Math.round(value * 100));
      int lines = 1 + buy.nextPoisson(LINES_EXTRA_MEAN);
      lines = (int) Math.min(lines, Math.max(1, cents / 100));
      double[] w = new double[lines];
      double sum = 0;
      for (int j = 0; j < lines; j++) {
        w[j] = buy.nextGamma(1.5, 1);
        sum += w[j];
      }
      String orderId = "O" + who.number() + "-" + (k + 1);
      String channel =
          buy.nextDouble() < 0.7 ? who.preferredChannel() : Catalog.ORDER_CHANNEL.draw(buy);
      String folderTs = timeline.timestamp(when);
      long returnAt = when + (long) ((2 + 28 * buy.nextDouble()) * Timeline.DAY);
      int returnLines = 0;
      long net = 0;
      long left = cents;
      for (int j = 0; j < lines; j++) {
        long lineCents =
            j == lines - 1
                ? left
                : Math.max(1, Math.min(left - (lines - 1 - j), Math.round(cents * w[j] / sum)));
        left -= lineCents;
        int product = Catalog.product(buy.nextDouble());
        int category = Catalog.category(product);
        int quantity = Catalog.LINES_QUANTITY.index(buy) + 1;
        long unit = Math.max(1, Math.round((double) lineCents / quantity));
        long amount = unit * quantity;
        double margin = Catalog.MARGIN[category] * (0.8 + 0.4 * buy.nextDouble());
        long cost = Math.round(amount * (1 - margin));
        totalSpend += amount;
        net += amount;
        String[] o = Layout.row(Source.ORDERS);
        o[Layout.O_ORDER_ID] = orderId;
        o[Layout.O_LINE_NO] = Integer.toString(j + 1);
        o[Layout.O_CUSTOMER_ID] = who.customerId();
        o[Layout.O_ORDER_TS] = folderTs;
        o[Layout.O_PRODUCT_ID] = Catalog.productId(product);
        o[Layout.O_CATEGORY] = Catalog.CATEGORIES[category];
        o[Layout.O_QUANTITY] = Integer.toString(quantity);
        o[Layout.O_UNIT_PRICE] = Timeline.money(unit);
        o[Layout.O_AMOUNT] = Timeline.money(amount);
        o[Layout.O_COST] = Timeline.money(cost);
        o[Layout.O_CURRENCY] = "USD";
        o[Layout.O_CHANNEL] = channel;
        o[Layout.O_REGION] = who.region();
        o[Layout.O_STATUS] = "complete";
        sink.row(timeline.folder(when), Source.ORDERS, o);
        if (buy.nextDouble() < RETURN_RATE && returnAt < end) {
          String[] r = o.clone();
          r[Layout.O_ORDER_ID] = orderId + "R";
          r[Layout.O_LINE_NO] = Integer.toString(++returnLines);
          r[Layout.O_ORDER_TS] = timeline.timestamp(returnAt);
          r[Layout.O_QUANTITY] = Integer.toString(-quantity);
          r[Layout.O_AMOUNT] = Timeline.money(-amount);
          r[Layout.O_COST] = Timeline.money(-cost);
          r[Layout.O_STATUS] = "returned";
          totalReturns += amount;
          net -= amount;
          sink.row(timeline.folder(returnAt), Source.ORDERS, r);
        }
      }
      if (cause[k] >= 0) {
        sink.incremental(cause[k], net);
      }
    }
  }

  /**
   * Adds a purchase at {@code t} caused by campaign {@code campaign} (index in {@link
   * CampaignEffects#all}), keeping the instants in order (after any purchase at the same instant).
   */
  void insert(long t, int campaign) {
    int i = count;
    while (i > 0 && at[i - 1] > t) {
      i--;
    }
    add(0);
    System.arraycopy(at, i, at, i + 1, count - 1 - i);
    System.arraycopy(cause, i, cause, i + 1, count - 1 - i);
    at[i] = t;
    cause[i] = campaign;
  }

  /** The index of the last purchase at or before {@code t} (0 when none is). */
  int lastBefore(long t) {
    int i = Arrays.binarySearch(at, 0, count, t);
    i = i >= 0 ? i : -i - 2;
    return Math.max(0, i);
  }

  long at(int k) {
    return at[k];
  }

  int count() {
    return count;
  }

  /** The instant of the drop-out (the last purchase), or -1 for a customer alive at the end. */
  long dropout() {
    return dropout;
  }

  double lambda() {
    return lambda;
  }

  double p() {
    return p;
  }

  double nu() {
    return nu;
  }

  /** Distinct purchase days. */
  int days() {
    return days;
  }

  long totalSpend() {
    return totalSpend;
  }

  long totalReturns() {
    return totalReturns;
  }

  private void add(long t) {
    if (count == at.length) {
      at = Arrays.copyOf(at, at.length * 2);
      cause = Arrays.copyOf(cause, cause.length * 2);
    }
    cause[count] = -1;
    at[count++] = t;
  }
}
