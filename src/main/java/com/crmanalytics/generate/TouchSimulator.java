package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A customer's campaign touches: which planned campaigns target them (eligibility and reach), the
 * lifecycle e-mails (welcome, 45-day reminder), and who opens, clicks and converts, which depends
 * on being alive, activity (λ) and value (expected spend). Conversion is attributed to a real
 * purchase, never invented.
 */
final class TouchSimulator {
  private final GeneratorOptions options;
  private final Timeline timeline;
  private final List<Campaign> campaigns;
  private final double meanSpend;

  private int touches;
  private int conversions;

  TouchSimulator(GeneratorOptions options, Timeline timeline, List<Campaign> campaigns) {
    this.options = options;
    this.timeline = timeline;
    this.campaigns = campaigns;
    this.meanSpend = options.params().meanSpend();
  }

  /** Draws and writes the customer's touches, given their purchases. */
  void simulate(Arrivals.Profile who, Purchases purchases, CustomerSimulator.RowSink sink) {
    long end = timeline.end();
    long signup = who.signup();
    RandomDataGenerator mkt = CustomerSimulator.stream(options.seed(), who.index(), 3);
    double expectedSpend = options.params().p() / purchases.nu();
    double value = Math.pow(clamp(expectedSpend / meanSpend, 0.5, 2), 0.4);
    double activity = clamp(0.7 + 3 * purchases.lambda(), 0.7, 1.6);
    double engagement = value * activity;
    touches = 0;
    conversions = 0;
    for (Campaign campaign : campaigns) {
      long sent = campaign.sentAt();
      if (sent <= signup) {
        continue;
      }
      if (campaign.valueTargeted() && expectedSpend < meanSpend) {
        continue;
      }
      int lastBefore = purchases.lastBefore(sent);
      if (campaign.winBack() && sent - purchases.at(lastBefore) < 60 * Timeline.DAY) {
        continue;
      }
      if (!(mkt.nextDouble() < campaign.reach())) {
        continue;
      }
      touches++;
      conversions +=
          touch(sink, mkt, campaign, who.customerId(), sent, lastBefore, purchases, engagement);
    }
    // Lifecycle campaigns, sent every day: a welcome one day after sign-up, and a reminder 45 days
    // after a purchase that no other purchase followed.
    long welcome = signup + Timeline.DAY;
    if (welcome < end) {
      touches++;
      conversions +=
          touch(sink, mkt, Campaign.WELCOME, who.customerId(), welcome, 0, purchases, engagement);
    }
    int count = purchases.count();
    for (int k = 0; k < count; k++) {
      long remind =
          Math.floorDiv(purchases.at(k), Timeline.DAY) * Timeline.DAY
              + 45 * Timeline.DAY
              + 10 * 3600;
      boolean quiet = k + 1 == count || purchases.at(k + 1) > remind;
      if (quiet && remind < end) {
        touches++;
        conversions +=
            touch(sink, mkt, Campaign.REMINDER, who.customerId(), remind, k, purchases, engagement);
      }
    }
  }

  int touches() {
    return touches;
  }

  int conversions() {
    return conversions;
  }

  /**
   * Sends one touch; opening, clicking and buying depend on being alive, activity and value.
   * Returns 1 if it converted.
   */
  private int touch(
      CustomerSimulator.RowSink sink,
      RandomDataGenerator mkt,
      Campaign campaign,
      String customerId,
      long sent,
      int lastBefore,
      Purchases purchases,
      double engagementBase) {
    long dropout = purchases.dropout();
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
    if (next < purchases.count()
        && purchases.at(next) >= sent
        && purchases.at(next) < sent + window) {
      double chance = clicked >= 0 ? 0.6 : opened >= 0 ? 0.25 : tracked ? 0.05 : 0.2;
      if (mkt.nextDouble() < chance) {
        converted = purchases.at(next);
      }
    }
    emitTouch(sink, campaign, customerId, sent, opened, clicked, converted);
    return converted >= 0 ? 1 : 0;
  }

  /**
   * Writes the touch once in the folder of its sending, and again (same key, more responses filled
   * in) in each later folder in which a response arrives: the way a nightly extract updates it.
   */
  private void emitTouch(
      CustomerSimulator.RowSink sink,
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
