package com.crmanalytics.generate;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well512a;

/**
 * One marketing campaign: sent to part of the customer base at one moment, on one channel, at a
 * fixed cost per touch. {@link #plan} lays out a few campaigns per month over the period.
 *
 * @param sentAt seconds since the start of the period
 * @param reach share of eligible customers targeted
 * @param valueTargeted only customers of above-median expected spend are eligible (mail, phone)
 * @param winBack only customers without a purchase in the last 60 days are eligible
 * @param lift the true effect: a treated customer's purchase rate is multiplied by (1 + lift) for
 *     {@link #EFFECT_DAYS} days after the touch (while alive)
 * @param holdout share of the targeted customers recorded as a control group and not contacted
 */
record Campaign(
    String id,
    String name,
    String channel,
    long sentAt,
    long costCents,
    double reach,
    boolean valueTargeted,
    boolean winBack,
    double lift,
    double holdout) {

  /** Days after a touch during which the campaign lifts the purchase rate. */
  static final int EFFECT_DAYS = 30;

  /** Lifecycle e-mail the day after sign-up. */
  static final Campaign WELCOME =
      new Campaign(
          "K-WELCOME", "Welcome series (email)", "email", -1, 1, 1.0, false, false, 0.15, 0.1);

  /**
   * Lifecycle e-mail 45 days after a purchase that no other purchase followed; it has no effect
   * (lift 0), so its holdout shows what "indistinguishable from zero" looks like.
   */
  static final Campaign REMINDER =
      new Campaign(
          "K-REMINDER-45D",
          "We miss you, 45 days (email)",
          "email",
          -1,
          1,
          1.0,
          false,
          true,
          0.0,
          0.1);

  /** The campaigns of the period, in sending order; depends only on the seed and the dates. */
  static List<Campaign> plan(GeneratorOptions options, Timeline timeline) {
    RandomDataGenerator rng =
        RandomDataGenerator.of(new Well512a(Seeds.mix(options.seed(), -1, 7)));
    List<Campaign> campaigns = new ArrayList<>();
    LocalDate month = options.from().withDayOfMonth(1);
    while (!month.isAfter(options.to())) {
      int count = 2 + rng.nextInt(3);
      List<Campaign> inMonth = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        LocalDate day = month.plusDays(rng.nextInt(month.lengthOfMonth()));
        long at =
            ChronoUnit.DAYS.between(options.from(), day) * Timeline.DAY
                + (8 + rng.nextInt(10)) * 3600L
                + 60L * rng.nextInt(4) * 15;
        String channel = Catalog.CAMPAIGN_CHANNEL.draw(rng);
        String theme = Catalog.CAMPAIGN_THEMES[rng.nextInt(Catalog.CAMPAIGN_THEMES.length)];
        boolean winBack = theme.startsWith("Win-back");
        long cost =
            switch (channel) {
              case "email" -> 1 + rng.nextInt(4);
              case "sms" -> 4 + rng.nextInt(6);
              case "app" -> 1;
              case "mail" -> 60 + rng.nextInt(90);
              default -> 250 + rng.nextInt(300); // phone
            };
        double reach =
            switch (channel) {
              case "email" -> 0.25 + 0.2 * rng.nextDouble();
              case "sms", "app" -> 0.08 + 0.1 * rng.nextDouble();
              case "mail" -> 0.3;
              default -> 0.08;
            };
        boolean valueTargeted = channel.equals("mail") || channel.equals("phone");
        if (at < 0 || at >= timeline.end()) {
          continue;
        }
        inMonth.add(
            new Campaign(
                null,
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " "
                    + month.getYear()
                    + " "
                    + theme
                    + " ("
                    + channel
                    + ")",
                channel,
                at,
                cost,
                reach,
                valueTargeted,
                winBack,
                0,
                0));
      }
      inMonth.sort(Comparator.comparingLong(Campaign::sentAt));
      for (Campaign c : inMonth) {
        String id =
            String.format(
                "K%d%02d-%d", month.getYear(), month.getMonthValue(), campaigns.size() + 1);
        campaigns.add(
            new Campaign(
                id,
                c.name,
                c.channel,
                c.sentAt,
                c.costCents,
                c.reach,
                c.valueTargeted,
                c.winBack,
                0,
                0));
      }
      month = month.plusMonths(1);
    }
    return withEffects(options, campaigns);
  }

  /**
   * Gives each planned campaign its true lift and holdout share, from a stream of their own (so the
   * plan itself is what it was before campaigns had an effect): one in five campaigns does nothing
   * (lift 0), the others lift the purchase rate by 5–30 %; 30 % record no holdout, the others hold
   * out 10 % or 20 % of their audience.
   */
  private static List<Campaign> withEffects(GeneratorOptions options, List<Campaign> planned) {
    RandomDataGenerator rng =
        RandomDataGenerator.of(new Well512a(Seeds.mix(options.seed(), -1, 8)));
    List<Campaign> out = new ArrayList<>(planned.size());
    for (Campaign c : planned) {
      double lift = rng.nextDouble() < 0.2 ? 0 : 0.05 + 0.25 * rng.nextDouble();
      double u = rng.nextDouble();
      double holdout = u < 0.3 ? 0 : u < 0.7 ? 0.1 : 0.2;
      lift = Math.round(lift * 100) / 100.0;
      out.add(
          new Campaign(
              c.id,
              c.name,
              c.channel,
              c.sentAt,
              c.costCents,
              c.reach,
              c.valueTargeted,
              c.winBack,
              lift,
              holdout));
    }
    return out;
  }
}
