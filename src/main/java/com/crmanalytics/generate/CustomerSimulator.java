package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well512a;

/**
 * Simulates one customer from (seed, customer index) alone: arrival, BG/NBD purchasing, Gamma-Gamma
 * spend split into order lines, returns, service contacts (more and angrier around a drop-out) and
 * campaign touches, and hands every row to a {@link RowSink}, with the customer's ground truth. The
 * process is documented in {@code docs/generator.md}. Not thread-safe: one instance per thread.
 */
final class CustomerSimulator {
  /** Receives the rows of one customer. */
  interface RowSink {
    /** A row for the landing folder {@code folder} (0 = initial load). */
    void row(int folder, Source source, String[] values);

    /** The customer's line of {@code _truth/customers.csv}. */
    void truth(String line);
  }

  static final String TRUTH_HEADER =
      "customer_id,signup_ts,region,customer_type,lambda_per_week,p_dropout,spend_nu,expected_spend,"
          + "purchases,purchase_days,repeat_purchases,first_purchase_ts,last_purchase_ts,dropout_date,alive_at_end,"
          + "total_spend,total_returns,contacts,complaints,complaints_8w_before_dropout,touches,conversions";

  private static final double LINES_EXTRA_MEAN = 3.4;
  private static final double RETURN_RATE = 0.03;
  private static final double CONTACT_RATE_MEAN = 0.025; // per week
  private static final double CHURN_CONTACT_BOOST = 5;
  private static final long CHURN_WINDOW_BEFORE = 8 * Timeline.WEEK;
  private static final long CHURN_WINDOW_AFTER = 4 * Timeline.WEEK;
  private static final double AFTER_DROPOUT_CONTACTS = 0.1;
  private static final double PURCHASE_CONTACT_RATE = 0.08;

  private final GeneratorOptions options;
  private final Timeline timeline;
  private final List<Campaign> campaigns;
  private final String idFormat;
  private final double meanSpend;

  private long[] purchaseAt = new long[64];
  private long[] contactAt = new long[64];
  private boolean[] contactTriggered = new boolean[64];

  CustomerSimulator(GeneratorOptions options, Timeline timeline, List<Campaign> campaigns) {
    this.options = options;
    this.timeline = timeline;
    this.campaigns = campaigns;
    int digits = Math.max(6, Long.toString(options.customers()).length());
    this.idFormat = "%0" + digits + "d";
    this.meanSpend = options.params().meanSpend();
  }

  static RandomDataGenerator stream(long seed, long customer, int stream) {
    return RandomDataGenerator.of(new Well512a(Seeds.mix(seed, customer, stream)));
  }

  void simulate(long index, RowSink sink) {
    GeneratorParams params = options.params();
    long end = timeline.end();
    String number = String.format(idFormat, index + 1);
    String customerId = "C" + number;

    // profile
    RandomDataGenerator rng = stream(options.seed(), index, 0);
    long signup = (long) (rng.nextDouble() * end);
    String region = Catalog.REGION.draw(rng);
    String type = Catalog.CUSTOMER_TYPE.draw(rng);
    String first = Catalog.FIRST_NAMES[rng.nextInt(Catalog.FIRST_NAMES.length)];
    String last = Catalog.LAST_NAMES[rng.nextInt(Catalog.LAST_NAMES.length)];
    String name =
        type.equals("consumer")
            ? first + " " + last
            : last + Catalog.COMPANY_SUFFIXES[rng.nextInt(Catalog.COMPANY_SUFFIXES.length)];
    String phone = "+1-555-" + String.format("%07d", rng.nextInt(10_000_000));
    String email =
        (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + number + "@example.com";
    String preferredChannel = Catalog.ORDER_CHANNEL.draw(rng);

    String[] c = Layout.row(Source.CUSTOMERS);
    c[Layout.C_CUSTOMER_ID] = customerId;
    c[Layout.C_SIGNUP_DATE] = timeline.date(signup);
    c[Layout.C_REGION] = region;
    c[Layout.C_TYPE] = type;
    c[Layout.C_NAME] = name;
    c[Layout.C_PHONE] = phone;
    c[Layout.C_EMAIL] = email;
    // Consent comes from its own stream, so adding it left every other value of the extracts as it
    // was:
    // 60% agreed at sign-up, 25% refused, 15% were never asked (empty = no consent).
    RandomDataGenerator consent = stream(options.seed(), index, 5);
    double answer = consent.nextDouble();
    if (answer < 0.85) {
      c[Layout.C_CONSENT] = Boolean.toString(answer < 0.60);
      c[Layout.C_CONSENT_DATE] = timeline.date(signup);
      c[Layout.C_CONSENT_CHANNEL] = preferredChannel;
    }
    sink.row(timeline.folder(signup), Source.CUSTOMERS, c);

    // BG/NBD purchasing: the first purchase at sign-up, repeat purchases at rate λ while alive, and
    // after each repeat purchase a drop-out with probability p.
    RandomDataGenerator buy = stream(options.seed(), index, 1);
    double lambda = buy.nextGamma(params.r(), 1 / params.alpha());
    double p = buy.nextBeta(params.a(), params.b());
    double nu = buy.nextGamma(params.q(), 1 / params.gamma());
    int purchases = 0;
    long dropout = -1;
    long t = signup;
    purchaseAt = add(purchaseAt, purchases++, t);
    while (true) {
      double waitWeeks = lambda > 0 ? buy.nextExponential(1 / lambda) : Double.POSITIVE_INFINITY;
      double next = t + waitWeeks * Timeline.WEEK;
      if (!(next < end)) {
        break;
      }
      t = (long) next;
      purchaseAt = add(purchaseAt, purchases++, t);
      if (buy.nextDouble() < p) {
        dropout = t;
        break;
      }
    }

    // Gamma-Gamma spend per purchase, split into lines; a few lines come back later as returns.
    long totalSpend = 0;
    long totalReturns = 0;
    int days = 0;
    long lastDay = Long.MIN_VALUE;
    String[] o = null;
    for (int k = 0; k < purchases; k++) {
      long at = purchaseAt[k];
      long day = Math.floorDiv(at, Timeline.DAY);
      if (day != lastDay) {
        days++;
        lastDay = day;
      }
      double value = buy.nextGamma(params.p(), 1 / nu);
      long cents = Math.max(1, Math.round(value * 100));
      int lines = 1 + buy.nextPoisson(LINES_EXTRA_MEAN);
      lines = (int) Math.min(lines, Math.max(1, cents / 100));
      double[] w = new double[lines];
      double sum = 0;
      for (int j = 0; j < lines; j++) {
        w[j] = buy.nextGamma(1.5, 1);
        sum += w[j];
      }
      String orderId = "O" + number + "-" + (k + 1);
      String channel = buy.nextDouble() < 0.7 ? preferredChannel : Catalog.ORDER_CHANNEL.draw(buy);
      String folderTs = timeline.timestamp(at);
      long returnAt = at + (long) ((2 + 28 * buy.nextDouble()) * Timeline.DAY);
      int returnLines = 0;
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
        o = Layout.row(Source.ORDERS);
        o[Layout.O_ORDER_ID] = orderId;
        o[Layout.O_LINE_NO] = Integer.toString(j + 1);
        o[Layout.O_CUSTOMER_ID] = customerId;
        o[Layout.O_ORDER_TS] = folderTs;
        o[Layout.O_PRODUCT_ID] = Catalog.productId(product);
        o[Layout.O_CATEGORY] = Catalog.CATEGORIES[category];
        o[Layout.O_QUANTITY] = Integer.toString(quantity);
        o[Layout.O_UNIT_PRICE] = Timeline.money(unit);
        o[Layout.O_AMOUNT] = Timeline.money(amount);
        o[Layout.O_COST] = Timeline.money(cost);
        o[Layout.O_CURRENCY] = "USD";
        o[Layout.O_CHANNEL] = channel;
        o[Layout.O_REGION] = region;
        o[Layout.O_STATUS] = "complete";
        sink.row(timeline.folder(at), Source.ORDERS, o);
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
          sink.row(timeline.folder(returnAt), Source.ORDERS, r);
        }
      }
    }

    // Service contacts: a baseline rate, contacts after purchases, and a burst of complaints around
    // a drop-out (so service data carries churn signal).
    RandomDataGenerator svc = stream(options.seed(), index, 2);
    double kappa = svc.nextGamma(0.8, CONTACT_RATE_MEAN / 0.8);
    int contacts = 0;
    double maxRate = kappa * CHURN_CONTACT_BOOST;
    double s = signup;
    while (maxRate > 0) {
      s += svc.nextExponential(1 / maxRate) * Timeline.WEEK;
      if (!(s < end)) {
        break;
      }
      long at = (long) s;
      if (svc.nextDouble() * CHURN_CONTACT_BOOST < contactMultiplier(at, dropout)) {
        contactAt = add(contactAt, contacts, at);
        contactTriggered = add(contactTriggered, contacts++, false);
      }
    }
    for (int k = 0; k < purchases; k++) {
      if (svc.nextDouble() < PURCHASE_CONTACT_RATE) {
        long at = purchaseAt[k] + (long) ((0.5 + 9.5 * svc.nextDouble()) * Timeline.DAY);
        if (at < end) {
          contactAt = add(contactAt, contacts, at);
          contactTriggered = add(contactTriggered, contacts++, true);
        }
      }
    }
    sortContacts(contacts);
    int complaints = 0;
    int complaintsBeforeDropout = 0;
    for (int k = 0; k < contacts; k++) {
      long day = Math.floorDiv(contactAt[k], Timeline.DAY) * Timeline.DAY;
      // business hours: 08:00-20:00
      long opened = day + 8 * 3600 + (contactAt[k] - day) / 2;
      boolean churnWindow =
          dropout >= 0
              && opened >= dropout - CHURN_WINDOW_BEFORE
              && opened < dropout + CHURN_WINDOW_AFTER;
      String category =
          (contactTriggered[k]
                  ? Catalog.PURCHASE_CONTACT_CATEGORY
                  : churnWindow ? Catalog.CHURN_CONTACT_CATEGORY : Catalog.CONTACT_CATEGORY)
              .draw(svc);
      if (churnWindow && !contactTriggered[k] && svc.nextDouble() < 0.3) {
        category = "complaint";
      }
      String channel = Catalog.CONTACT_CHANNEL.draw(svc);
      String[] row = contact(svc, customerId, number, k, opened, channel, category, churnWindow);
      if (opened < end) {
        sink.row(timeline.folder(opened), Source.SERVICE, row);
        if (category.equals("complaint")) {
          complaints++;
          if (dropout >= 0 && opened >= dropout - CHURN_WINDOW_BEFORE && opened < dropout) {
            complaintsBeforeDropout++;
          }
        }
      }
    }

    // Campaign touches: who is targeted, and who opens, clicks and buys, depends on activity and
    // value.
    RandomDataGenerator mkt = stream(options.seed(), index, 3);
    double expectedSpend = params.p() / nu;
    double value = Math.pow(clamp(expectedSpend / meanSpend, 0.5, 2), 0.4);
    double activity = clamp(0.7 + 3 * lambda, 0.7, 1.6);
    int touches = 0;
    int conversions = 0;
    for (Campaign campaign : campaigns) {
      long sent = campaign.sentAt();
      if (sent <= signup) {
        continue;
      }
      if (campaign.valueTargeted() && expectedSpend < meanSpend) {
        continue;
      }
      int lastBefore = lastPurchaseBefore(purchases, sent);
      if (campaign.winBack() && sent - purchaseAt[lastBefore] < 60 * Timeline.DAY) {
        continue;
      }
      if (!(mkt.nextDouble() < campaign.reach())) {
        continue;
      }
      touches++;
      conversions +=
          touch(
              sink,
              mkt,
              campaign,
              customerId,
              sent,
              lastBefore,
              purchases,
              dropout,
              value * activity);
    }
    // Lifecycle campaigns, sent every day: a welcome one day after sign-up, and a reminder 45 days
    // after a purchase that no other purchase followed.
    long welcome = signup + Timeline.DAY;
    if (welcome < end) {
      touches++;
      conversions +=
          touch(
              sink,
              mkt,
              Campaign.WELCOME,
              customerId,
              welcome,
              0,
              purchases,
              dropout,
              value * activity);
    }
    for (int k = 0; k < purchases; k++) {
      long remind =
          Math.floorDiv(purchaseAt[k], Timeline.DAY) * Timeline.DAY + 45 * Timeline.DAY + 10 * 3600;
      boolean quiet = k + 1 == purchases || purchaseAt[k + 1] > remind;
      if (quiet && remind < end) {
        touches++;
        conversions +=
            touch(
                sink,
                mkt,
                Campaign.REMINDER,
                customerId,
                remind,
                k,
                purchases,
                dropout,
                value * activity);
      }
    }

    StringBuilder truth = new StringBuilder(200);
    truth
        .append(customerId)
        .append(',')
        .append(timeline.timestamp(signup))
        .append(',')
        .append(region)
        .append(',')
        .append(type)
        .append(',')
        .append(fmt(lambda))
        .append(',')
        .append(fmt(p))
        .append(',')
        .append(fmt(nu))
        .append(',')
        .append(fmt(expectedSpend))
        .append(',')
        .append(purchases)
        .append(',')
        .append(days)
        .append(',')
        .append(purchases - 1)
        .append(',')
        .append(timeline.timestamp(purchaseAt[0]))
        .append(',')
        .append(timeline.timestamp(purchaseAt[purchases - 1]))
        .append(',')
        .append(dropout >= 0 ? timeline.date(dropout) : "")
        .append(',')
        .append(dropout < 0)
        .append(',')
        .append(Timeline.money(totalSpend))
        .append(',')
        .append(Timeline.money(totalReturns))
        .append(',')
        .append(contacts)
        .append(',')
        .append(complaints)
        .append(',')
        .append(complaintsBeforeDropout)
        .append(',')
        .append(touches)
        .append(',')
        .append(conversions);
    sink.truth(truth.toString());
  }

  private static double contactMultiplier(long at, long dropout) {
    if (dropout < 0 || at < dropout - CHURN_WINDOW_BEFORE) {
      return 1;
    }
    return at < dropout + CHURN_WINDOW_AFTER ? CHURN_CONTACT_BOOST : AFTER_DROPOUT_CONTACTS;
  }

  private String[] contact(
      RandomDataGenerator svc,
      String customerId,
      String number,
      int k,
      long opened,
      String channel,
      String category,
      boolean churnWindow) {
    double medianWait =
        switch (channel) {
          case "phone" -> 90;
          case "chat" -> 40;
          case "email" -> 3 * 3600;
          case "web" -> 6 * 3600;
          default -> 300; // visit
        };
    if (churnWindow) {
      medianWait *= 2.5;
    }
    long wait = Math.round(medianWait * Math.exp(0.9 * svc.nextGaussian()));
    boolean live = channel.equals("phone") || channel.equals("chat");
    boolean abandoned = live && svc.nextDouble() < 0.6 * wait / (wait + 600.0);
    double medianHandle =
        switch (category) {
          case "inquiry" -> 240;
          case "billing" -> 360;
          case "installation" -> 900;
          case "repair" -> 720;
          case "complaint" -> 600;
          default -> 420;
        };
    long handle = abandoned ? 0 : Math.round(medianHandle * Math.exp(0.6 * svc.nextGaussian()));
    double resolveChance = (category.equals("complaint") ? 0.6 : 0.85) * (churnWindow ? 0.7 : 1);
    boolean resolved = !abandoned && svc.nextDouble() < resolveChance;
    String satisfaction = "";
    if (svc.nextDouble() < (abandoned ? 0.2 : 0.6)) {
      double mean =
          abandoned
              ? 1.5
              : 4.2
                  - (resolved ? 0 : 1.2)
                  - (category.equals("complaint") ? 0.9 : 0)
                  - (wait > 600 && live ? 0.5 : 0)
                  - (churnWindow ? 0.8 : 0);
      satisfaction =
          Long.toString(Math.max(1, Math.min(5, Math.round(mean + 0.8 * svc.nextGaussian()))));
    }
    long fixed =
        switch (channel) {
          case "phone" -> 150;
          case "chat" -> 80;
          case "email" -> 100;
          case "web" -> 50;
          default -> 800;
        };
    long cost = abandoned ? 20 : fixed + Math.round(handle / 60.0 * 85);
    String[] row = Layout.row(Source.SERVICE);
    row[Layout.S_CONTACT_ID] = "S" + number + "-" + (k + 1);
    row[Layout.S_CUSTOMER_ID] = customerId;
    row[Layout.S_OPENED_TS] = timeline.timestamp(opened);
    row[Layout.S_CLOSED_TS] = timeline.timestamp(opened + wait + handle);
    row[Layout.S_CHANNEL] = channel;
    row[Layout.S_CATEGORY] = category;
    row[Layout.S_WAIT] = Long.toString(wait);
    row[Layout.S_HANDLE] = Long.toString(handle);
    row[Layout.S_ABANDONED] = Boolean.toString(abandoned);
    row[Layout.S_RESOLVED] = Boolean.toString(resolved);
    row[Layout.S_SATISFACTION] = satisfaction;
    row[Layout.S_COST] = Timeline.money(cost);
    row[Layout.S_AGENT_ID] = abandoned ? "" : String.format("A%03d", 1 + svc.nextInt(120));
    return row;
  }

  /**
   * Writes the touch once in the folder of its sending, and again (same key, more responses filled
   * in) in each later folder in which a response arrives: the way a nightly extract updates it.
   */
  private void emitTouch(
      RowSink sink,
      Campaign campaign,
      String customerId,
      long sent,
      long opened,
      long clicked,
      long converted) {
    long end = timeline.end();
    long[] events = {sent, opened, clicked, converted};
    int lastFolder = -1;
    for (long e : events) {
      if (e < 0 || e >= end) {
        continue;
      }
      int folder = timeline.folder(e);
      if (folder <= lastFolder) {
        continue;
      }
      long known = timeline.folderEnd(folder);
      String[] row = Layout.row(Source.CAMPAIGNS);
      row[Layout.K_CAMPAIGN_ID] = campaign.id();
      row[Layout.K_CUSTOMER_ID] = customerId;
      row[Layout.K_SENT_TS] = timeline.timestamp(sent);
      row[Layout.K_NAME] = campaign.name();
      row[Layout.K_CHANNEL] = campaign.channel();
      row[Layout.K_OPENED_TS] =
          opened >= 0 && opened < known && opened < end ? timeline.timestamp(opened) : "";
      row[Layout.K_CLICKED_TS] =
          clicked >= 0 && clicked < known && clicked < end ? timeline.timestamp(clicked) : "";
      row[Layout.K_CONVERTED_TS] =
          converted >= 0 && converted < known ? timeline.timestamp(converted) : "";
      row[Layout.K_COST] = Timeline.money(campaign.costCents());
      sink.row(folder, Source.CAMPAIGNS, row);
      lastFolder = folder;
    }
  }

  /**
   * Sends one touch; opening, clicking and buying depend on being alive, activity and value.
   * Returns 1 if it converted.
   */
  private int touch(
      RowSink sink,
      RandomDataGenerator mkt,
      Campaign campaign,
      String customerId,
      long sent,
      int lastBefore,
      int purchases,
      long dropout,
      double engagementBase) {
    boolean alive = dropout < 0 || dropout >= sent;
    double engagement = (alive ? 1 : 0.25) * engagementBase;
    long opened = -1;
    long clicked = -1;
    long converted = -1;
    boolean tracked = !campaign.channel().equals("mail");
    if (tracked && mkt.nextDouble() < Math.min(0.95, baseOpen(campaign.channel()) * engagement)) {
      opened = sent + (long) mkt.nextExponential(6 * 3600);
      if (mkt.nextDouble() < Math.min(0.9, baseClick(campaign.channel()) * engagement)) {
        clicked = opened + 30 + (long) mkt.nextExponential(600);
      }
    }
    long window = (tracked ? 7 : 14) * Timeline.DAY;
    int next = lastBefore + 1;
    if (next < purchases && purchaseAt[next] >= sent && purchaseAt[next] < sent + window) {
      double chance = clicked >= 0 ? 0.6 : opened >= 0 ? 0.25 : tracked ? 0.05 : 0.2;
      if (mkt.nextDouble() < chance) {
        converted = purchaseAt[next];
      }
    }
    emitTouch(sink, campaign, customerId, sent, opened, clicked, converted);
    return converted >= 0 ? 1 : 0;
  }

  private int lastPurchaseBefore(int purchases, long t) {
    int i = Arrays.binarySearch(purchaseAt, 0, purchases, t);
    i = i >= 0 ? i : -i - 2;
    return Math.max(0, i);
  }

  private static double baseOpen(String channel) {
    return switch (channel) {
      case "email" -> 0.22;
      case "sms" -> 0.40;
      case "app" -> 0.30;
      default -> 0.55; // phone: answered
    };
  }

  private static double baseClick(String channel) {
    return switch (channel) {
      case "email" -> 0.18;
      case "sms" -> 0.12;
      case "app" -> 0.22;
      default -> 0.35;
    };
  }

  private void sortContacts(int n) {
    // insertion sort on (time, triggered): lists are short
    for (int i = 1; i < n; i++) {
      long t = contactAt[i];
      boolean trig = contactTriggered[i];
      int j = i - 1;
      while (j >= 0 && contactAt[j] > t) {
        contactAt[j + 1] = contactAt[j];
        contactTriggered[j + 1] = contactTriggered[j];
        j--;
      }
      contactAt[j + 1] = t;
      contactTriggered[j + 1] = trig;
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static String fmt(double v) {
    return Double.toString(v);
  }

  private static long[] add(long[] a, int i, long v) {
    if (i == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[i] = v;
    return a;
  }

  private static boolean[] add(boolean[] a, int i, boolean v) {
    if (i == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[i] = v;
    return a;
  }
}
