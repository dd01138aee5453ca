package com.crmanalytics.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The true effect of each campaign, tallied over the customers: touches sent to treated customers,
 * touches recorded as holdout (not sent), and the incremental purchases and their net revenue
 * (order lines less their returns) that the campaign caused. Written to {@code
 * _truth/campaign_effects.csv}, so the report's incremental estimate can be checked against it.
 */
final class CampaignEffects {
  static final String HEADER =
      "campaign_id,true_lift,holdout_share,effect_days,treated_touches,holdout_touches,"
          + "incremental_purchases,incremental_revenue\n";

  final long[] treated;
  final long[] holdout;
  final long[] purchases;
  final long[] revenueCents;

  CampaignEffects(int campaigns) {
    treated = new long[campaigns];
    holdout = new long[campaigns];
    purchases = new long[campaigns];
    revenueCents = new long[campaigns];
  }

  /** Every campaign in index order: the two lifecycle ones, then the planned ones. */
  static List<Campaign> all(List<Campaign> planned) {
    List<Campaign> all = new ArrayList<>(List.of(Campaign.WELCOME, Campaign.REMINDER));
    all.addAll(planned);
    return all;
  }

  void touch(int campaign, boolean control) {
    (control ? holdout : treated)[campaign]++;
  }

  void incremental(int campaign, long netCents) {
    purchases[campaign]++;
    revenueCents[campaign] += netCents;
  }

  void add(CampaignEffects other) {
    for (int i = 0; i < treated.length; i++) {
      treated[i] += other.treated[i];
      holdout[i] += other.holdout[i];
      purchases[i] += other.purchases[i];
      revenueCents[i] += other.revenueCents[i];
    }
  }

  void write(Path file, List<Campaign> all) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < all.size(); i++) {
      Campaign c = all.get(i);
      sb.append(c.id())
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", c.lift()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", c.holdout()))
          .append(',')
          .append(Campaign.EFFECT_DAYS)
          .append(',')
          .append(treated[i])
          .append(',')
          .append(holdout[i])
          .append(',')
          .append(purchases[i])
          .append(',')
          .append(Timeline.money(revenueCents[i]))
          .append('\n');
    }
    Files.writeString(file, sb);
  }
}
