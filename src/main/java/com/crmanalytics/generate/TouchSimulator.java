package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A customer's campaign touches: which planned campaigns target them (eligibility and reach), the
 * lifecycle e-mails (welcome, 45-day reminder), who of the audience is held out as the campaign's
 * control group, who opens and clicks (depends on being alive, activity λ and value), the
 * incremental purchases a touch causes (the campaign's true lift), and which touches convert.
 * Conversion is attributed to a real purchase, never invented.
 */
final class TouchSimulator {
  /** A touch decided in the first pass, written in the second. */
  private record Pending(
      int index, Campaign campaign, long sent, boolean control, long opened, long clicked) {}

  private final GeneratorOptions options;
  private final Timeline timeline;
  private final List<Campaign> campaigns;
  private final double meanSpend;
  private final List<Pending> pending = new ArrayList<>();

  /**
   * Whether the customer is in each campaign's holdout, decided once per customer and campaign: a
   * lifecycle e-mail sent again and again (the 45-day reminder) holds the same customers out every
   * time, as a real holdout does. Drawn per send instead, the customers held out of every send
   * would be those with few sends — the less active — and the holdout would no longer resemble the
   * treated customers.
   */
  private final java.util.Map<Campaign, Boolean> heldOut = new java.util.HashMap<>();

  private RandomDataGenerator mkt;
  private int touches;
  private int conversions;

  TouchSimulator(GeneratorOptions options, Timeline timeline, List<Campaign> campaigns) {
    this.options = options;
    this.timeline = timeline;
    this.campaigns = campaigns;
    this.meanSpend = options.params().meanSpend();
  }

  /**
   * First pass, before the orders are written: decides the customer's touches (in the order
   * welcome, planned campaigns by sending time, reminders), the holdout, opens and clicks, and adds
   * the incremental purchases of treated touches to {@code purchases}.
   */
  void decide(Arrivals.Profile who, Purchases purchases) {
    long end = timeline.end();
    long signup = who.signup();
    mkt = CustomerSimulator.stream(options.seed(), who.index(), 3);
    RandomDataGenerator effect = CustomerSimulator.stream(options.seed(), who.index(), 6);
    double expectedSpend = options.params().p() / purchases.nu();
    double value = Math.pow(clamp(expectedSpend / meanSpend, 0.5, 2), 0.4);
    double activity = clamp(0.7 + 3 * purchases.lambda(), 0.7, 1.6);
    double engagement = value * activity;
    pending.clear();
    heldOut.clear();
    long welcome = signup + Timeline.DAY;
    if (welcome < end) {
      decide(0, Campaign.WELCOME, welcome, purchases, engagement, effect);
    }
    for (int i = 0; i < campaigns.size(); i++) {
      Campaign campaign = campaigns.get(i);
      long sent = campaign.sentAt();
      if (sent <= signup) {
        continue;
      }
      if (campaign.valueTargeted() && expectedSpend < meanSpend) {
        continue;
      }
      // eligibility sees the purchases earlier campaigns caused
      int lastBefore = purchases.lastBefore(sent);
      if (campaign.winBack() && sent - purchases.at(lastBefore) < 60 * Timeline.DAY) {
        continue;
      }
      if (!(mkt.nextDouble() < campaign.reach())) {
        continue;
      }
      decide(i + 2, campaign, sent, purchases, engagement, effect);
    }
    // A reminder 45 days after a purchase that no other purchase followed; the sending times are
    // fixed before any reminder's own effect is added.
    int count = purchases.count();
    long[] reminders = new long[count];
    int n = 0;
    for (int k = 0; k < count; k++) {
      long remind =
          Math.floorDiv(purchases.at(k), Timeline.DAY) * Timeline.DAY
              + 45 * Timeline.DAY
              + 10 * 3600;
      boolean quiet = k + 1 == count || purchases.at(k + 1) > remind;
      if (quiet && remind < end) {
        reminders[n++] = remind;
      }
    }
    for (int k = 0; k < n; k++) {
      decide(1, Campaign.REMINDER, reminders[k], purchases, engagement, effect);
    }
  }

  /**
   * Second pass, once every purchase is known: which touches convert (the customer's next purchase
   * within 7 days, 14 for mail); writes the touches and tallies them.
   */
  void write(Arrivals.Profile who, Purchases purchases, CustomerSimulator.RowSink sink) {
    touches = 0;
    conversions = 0;
    for (Pending p : pending) {
      sink.touch(p.index(), p.control());
      long converted = -1;
      if (!p.control()) {
        touches++;
        boolean tracked = !p.campaign().channel().equals("mail");
        long window = (tracked ? 7 : 14) * Timeline.DAY;
        int next = purchases.lastBefore(p.sent()) + 1;
        if (next < purchases.count()
            && purchases.at(next) >= p.sent()
            && purchases.at(next) < p.sent() + window) {
          double chance = p.clicked() >= 0 ? 0.6 : p.opened() >= 0 ? 0.25 : tracked ? 0.05 : 0.2;
          if (mkt.nextDouble() < chance) {
            converted = purchases.at(next);
            conversions++;
          }
        }
      }
      emitTouch(sink, p, who.customerId(), converted);
    }
  }

  /** Touches sent (holdout rows not counted). */
  int touches() {
    return touches;
  }

  int conversions() {
    return conversions;
  }

  private void decide(
      int index,
      Campaign campaign,
      long sent,
      Purchases purchases,
      double engagementBase,
      RandomDataGenerator effect) {
    if (heldOut.computeIfAbsent(campaign, c -> mkt.nextDouble() < c.holdout())) {
      pending.add(new Pending(index, campaign, sent, true, -1, -1));
      return;
    }
    long dropout = purchases.dropout();
    boolean alive = dropout < 0 || dropout >= sent;
    double engagement = (alive ? 1 : 0.25) * engagementBase;
    long opened = -1;
    long clicked = -1;
    boolean tracked = !campaign.channel().equals("mail");
    if (tracked && mkt.nextDouble() < Math.min(0.95, baseOpen(campaign.channel()) * engagement)) {
      opened = sent + (long) mkt.nextExponential(6 * 3600);
      if (mkt.nextDouble() < Math.min(0.9, baseClick(campaign.channel()) * engagement)) {
        clicked = opened + 30 + (long) mkt.nextExponential(600);
      }
    }
    pending.add(new Pending(index, campaign, sent, false, opened, clicked));
    // The true effect: while alive, the purchase rate is λ·(1 + lift) for EFFECT_DAYS after the
    // touch, i.e. extra purchases from a Poisson process at λ·lift on top of the BG/NBD ones.
    double rate = purchases.lambda() * campaign.lift();
    long until = Math.min(sent + Campaign.EFFECT_DAYS * Timeline.DAY, timeline.end());
    if (dropout >= 0) {
      until = Math.min(until, dropout);
    }
    double t = sent;
    while (rate > 0) {
      t += effect.nextExponential(1 / rate) * Timeline.WEEK;
      if (!(t < until)) {
        break;
      }
      purchases.insert((long) t, index);
    }
  }

  /**
   * Writes the touch once in the folder of its sending, and again (same key, more responses filled
   * in) in each later folder in which a response arrives: the way a nightly extract updates it.
   */
  private void emitTouch(
      CustomerSimulator.RowSink sink, Pending p, String customerId, long converted) {
    long end = timeline.end();
    long[] events = {p.sent(), p.opened(), p.clicked(), converted};
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
      long opened = p.opened();
      long clicked = p.clicked();
      String[] row = Layout.row(Source.CAMPAIGNS);
      row[Layout.K_CAMPAIGN_ID] = p.campaign().id();
      row[Layout.K_CUSTOMER_ID] = customerId;
      row[Layout.K_SENT_TS] = timeline.timestamp(p.sent());
      row[Layout.K_NAME] = p.campaign().name();
      row[Layout.K_CHANNEL] = p.campaign().channel();
      row[Layout.K_OPENED_TS] =
          opened >= 0 && opened < known && opened < end ? timeline.timestamp(opened) : "";
      row[Layout.K_CLICKED_TS] =
          clicked >= 0 && clicked < known && clicked < end ? timeline.timestamp(clicked) : "";
      row[Layout.K_CONVERTED_TS] =
          converted >= 0 && converted < known ? timeline.timestamp(converted) : "";
      // a held-out customer was not contacted: no cost
      row[Layout.K_COST] = Timeline.money(p.control() ? 0 : p.campaign().costCents());
      row[Layout.K_CONTROL] = Boolean.toString(p.control());
      sink.row(folder, Source.CAMPAIGNS, row);
      lastFolder = folder;
    }
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

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
