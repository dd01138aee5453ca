package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well512a;

/**
 * Simulates one customer from (seed, customer index) alone, one concern after the other: arrival
 * ({@link Arrivals}), BG/NBD purchases ({@link Purchases}), the campaign touches and the
 * incremental purchases they cause ({@link TouchSimulator}), the orders, service contacts ({@link
 * ServiceContactSimulator}), then the touches' rows with their conversions; hands every row to a
 * {@link RowSink}, with the customer's ground truth. The process is documented in {@code
 * docs/generator.md}. Not thread-safe: one instance per thread.
 */
final class CustomerSimulator {
  /** Receives the rows of one customer. */
  interface RowSink {
    /** A row for the landing folder {@code folder} (0 = initial load). */
    void row(int folder, Source source, String[] values);

    /** The customer's line of {@code _truth/customers.csv}. */
    void truth(String line);

    /**
     * A touch of campaign {@code campaign} (index in {@link CampaignEffects#all}), sent or, for
     * {@code control}, recorded as held out.
     */
    void touch(int campaign, boolean control);

    /** A purchase that campaign {@code campaign} caused, with its net revenue in cents. */
    void incremental(int campaign, long netCents);
  }

  static final String TRUTH_HEADER =
      "customer_id,signup_ts,region,customer_type,lambda_per_week,p_dropout,spend_nu,expected_spend,"
          + "purchases,purchase_days,repeat_purchases,first_purchase_ts,last_purchase_ts,dropout_date,alive_at_end,"
          + "total_spend,total_returns,contacts,complaints,complaints_8w_before_dropout,touches,conversions";

  private final GeneratorOptions options;
  private final Timeline timeline;
  private final Arrivals arrivals;
  private final Purchases purchases;
  private final ServiceContactSimulator service;
  private final TouchSimulator touches;

  CustomerSimulator(GeneratorOptions options, Timeline timeline, List<Campaign> campaigns) {
    this.options = options;
    this.timeline = timeline;
    this.arrivals = new Arrivals(options, timeline);
    this.purchases = new Purchases(options, timeline);
    this.service = new ServiceContactSimulator(options, timeline);
    this.touches = new TouchSimulator(options, timeline, campaigns);
  }

  /**
   * Random stream {@code stream} of one customer: 0 profile, 1 purchases, 2 service, 3 campaigns, 4
   * bad rows, 5 consent.
   */
  static RandomDataGenerator stream(long seed, long customer, int stream) {
    return RandomDataGenerator.of(new Well512a(Seeds.mix(seed, customer, stream)));
  }

  void simulate(long index, RowSink sink) {
    Arrivals.Profile who = arrivals.arrive(index, sink);
    purchases.draw(index, who.signup());
    touches.decide(who, purchases);
    purchases.writeOrders(who, sink);
    service.simulate(who, purchases, sink);
    touches.write(who, purchases, sink);
    sink.truth(truthLine(who));
  }

  private String truthLine(Arrivals.Profile who) {
    int count = purchases.count();
    long dropout = purchases.dropout();
    return String.join(
        ",",
        who.customerId(),
        timeline.timestamp(who.signup()),
        who.region(),
        who.type(),
        Double.toString(purchases.lambda()),
        Double.toString(purchases.p()),
        Double.toString(purchases.nu()),
        Double.toString(options.params().p() / purchases.nu()),
        Integer.toString(count),
        Integer.toString(purchases.days()),
        Integer.toString(count - 1),
        timeline.timestamp(purchases.at(0)),
        timeline.timestamp(purchases.at(count - 1)),
        dropout >= 0 ? timeline.date(dropout) : "",
        Boolean.toString(dropout < 0),
        Timeline.money(purchases.totalSpend()),
        Timeline.money(purchases.totalReturns()),
        Integer.toString(service.contacts()),
        Integer.toString(service.complaints()),
        Integer.toString(service.complaintsBeforeDropout()),
        Integer.toString(touches.touches()),
        Integer.toString(touches.conversions()));
  }
}
