package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A customer's service contacts: a baseline Poisson process, contacts after purchases, and a burst
 * of complaints with worse service around a drop-out, then near silence (so service data carries
 * churn signal). Reused from customer to customer (one instance per thread).
 */
final class ServiceContactSimulator {
  private static final double CONTACT_RATE_MEAN = 0.025; // per week
  private static final double CHURN_CONTACT_BOOST = 5;
  private static final long CHURN_WINDOW_BEFORE = 8 * Timeline.WEEK;
  private static final long CHURN_WINDOW_AFTER = 4 * Timeline.WEEK;
  private static final double AFTER_DROPOUT_CONTACTS = 0.1;
  private static final double PURCHASE_CONTACT_RATE = 0.08;

  private final GeneratorOptions options;
  private final Timeline timeline;

  private long[] contactAt = new long[64];
  private boolean[] contactTriggered = new boolean[64];
  private int contacts;
  private int complaints;
  private int complaintsBeforeDropout;

  ServiceContactSimulator(GeneratorOptions options, Timeline timeline) {
    this.options = options;
    this.timeline = timeline;
  }

  /** Draws and writes the customer's contacts, given their purchases and drop-out. */
  void simulate(Arrivals.Profile who, Purchases purchases, CustomerSimulator.RowSink sink) {
    long end = timeline.end();
    long dropout = purchases.dropout();
    RandomDataGenerator svc = CustomerSimulator.stream(options.seed(), who.index(), 2);
    double kappa = svc.nextGamma(0.8, CONTACT_RATE_MEAN / 0.8);
    contacts = 0;
    double maxRate = kappa * CHURN_CONTACT_BOOST;
    double s = who.signup();
    while (maxRate > 0) {
      s += svc.nextExponential(1 / maxRate) * Timeline.WEEK;
      if (!(s < end)) {
        break;
      }
      long at = (long) s;
      if (svc.nextDouble() * CHURN_CONTACT_BOOST < contactMultiplier(at, dropout)) {
        add(at, false);
      }
    }
    for (int k = 0; k < purchases.count(); k++) {
      if (svc.nextDouble() < PURCHASE_CONTACT_RATE) {
        long at = purchases.at(k) + (long) ((0.5 + 9.5 * svc.nextDouble()) * Timeline.DAY);
        if (at < end) {
          add(at, true);
        }
      }
    }
    sortContacts(contacts);
    complaints = 0;
    complaintsBeforeDropout = 0;
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
      String[] row = contact(svc, who, k, opened, channel, category, churnWindow);
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
  }

  /** Contacts drawn (including any opened after the end, which are not written). */
  int contacts() {
    return contacts;
  }

  int complaints() {
    return complaints;
  }

  int complaintsBeforeDropout() {
    return complaintsBeforeDropout;
  }

  private static double contactMultiplier(long at, long dropout) {
    if (dropout < 0 || at < dropout - CHURN_WINDOW_BEFORE) {
      return 1;
    }
    return at < dropout + CHURN_WINDOW_AFTER ? CHURN_CONTACT_BOOST : AFTER_DROPOUT_CONTACTS;
  }

  private String[] contact(
      RandomDataGenerator svc,
      Arrivals.Profile who,
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
    row[Layout.S_CONTACT_ID] = "S" + who.number() + "-" + (k + 1);
    row[Layout.S_CUSTOMER_ID] = who.customerId();
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

  private void add(long at, boolean triggered) {
    if (contacts == contactAt.length) {
      contactAt = Arrays.copyOf(contactAt, contactAt.length * 2);
      contactTriggered = Arrays.copyOf(contactTriggered, contactTriggered.length * 2);
    }
    contactAt[contacts] = at;
    contactTriggered[contacts++] = triggered;
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
}
