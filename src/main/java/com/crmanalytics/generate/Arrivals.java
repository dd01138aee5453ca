package com.crmanalytics.generate;

import com.crmanalytics.contract.Source;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A customer's arrival: the sign-up instant (uniform over the period), the profile (region, type,
 * name, contact details, preferred order channel) and the marketing consent, written as the
 * customer's row of the customers extract.
 */
final class Arrivals {
  /** Who arrived, and when: what the other concerns need of the profile. */
  record Profile(
      long index,
      String number,
      String customerId,
      long signup,
      String region,
      String type,
      String preferredChannel) {}

  private final GeneratorOptions options;
  private final Timeline timeline;
  private final String idFormat;

  Arrivals(GeneratorOptions options, Timeline timeline) {
    this.options = options;
    this.timeline = timeline;
    int digits = Math.max(6, Long.toString(options.customers()).length());
    this.idFormat = "%0" + digits + "d";
  }

  /** Draws the profile of customer {@code index} and writes its customers row. */
  Profile arrive(long index, CustomerSimulator.RowSink sink) {
    long end = timeline.end();
    String number = String.format(idFormat, index + 1);
    String customerId = "C" + number;

    RandomDataGenerator rng = CustomerSimulator.stream(options.seed(), index, 0);
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
    // was: 60% agreed at sign-up, 25% refused, 15% were never asked (empty = no consent).
    RandomDataGenerator consent = CustomerSimulator.stream(options.seed(), index, 5);
    double answer = consent.nextDouble();
    if (answer < 0.85) {
      c[Layout.C_CONSENT] = Boolean.toString(answer < 0.60);
      c[Layout.C_CONSENT_DATE] = timeline.date(signup);
      c[Layout.C_CONSENT_CHANNEL] = preferredChannel;
    }
    sink.row(timeline.folder(signup), Source.CUSTOMERS, c);
    return new Profile(index, number, customerId, signup, region, type, preferredChannel);
  }
}
